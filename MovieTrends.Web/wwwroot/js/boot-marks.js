// Performance marks on the way to the first chart, read by the browser tests and in the browser's profiler.

const PREFIX = 'movietrends:';
const marked = new Set();

/** Marks `name` the first time only: navigation start → data requested → chart library → chart drawn. */
export function markOnce(name) {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(PREFIX + name);
}
