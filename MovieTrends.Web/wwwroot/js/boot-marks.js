// Performance marks on the way to the first chart, read by the browser tests and in the browser's profiler.

const PREFIX = 'movietrends:';

/**
 * Marks `name` the first time only: navigation start → data requested → chart library → chart drawn. The
 * timeline itself says whether it was marked, so the boot script's copy of this module and the page's agree.
 */
export function markOnce(name) {
  if (performance.getEntriesByName(PREFIX + name, 'mark').length > 0) return;
  performance.mark(PREFIX + name);
}
