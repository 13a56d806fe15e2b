// What a chart painted without the library (js/light-lines.js) offers in place of the library's tooltips: a
// line under the chart that reads out the point under the pointer, or the one the arrow keys reached.

const KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ']);

/**
 * Puts a readout after `anchor` and makes `canvas` one Tab stop whose arrow keys move between years (left/right,
 * Home/End) and lines (up/down); a pointer over a point reads it out too. `lines()` lists the indexes of the lines
 * drawn; `years` is how many points each has; `describe(line, year)` says what a point is; `pointAt(event)` is the
 * point to read out for a pointer ({ index, datasetIndex }) or null; `onOpen(line, year)`, if given, is what Enter does.
 * Returns { destroy() }, which takes the readout and the handlers away.
 */
export function paintedReadout(canvas, anchor, { lines, years, describe, pointAt, onOpen }) {
  const readout = document.createElement('p');
  readout.className = 'painted-readout';
  readout.setAttribute('aria-live', 'polite');
  readout.textContent = 'Point at the chart or focus it and use the arrow keys to read its values.';
  anchor.after(readout);
  const hadTabIndex = canvas.hasAttribute('tabindex');
  canvas.tabIndex = 0;
  let position = null;

  function show(line, year) {
    position = { line, year };
    readout.textContent = describe(line, year) + (onOpen ? ' Press Enter to list the movies.' : '');
  }

  function onKey(event) {
    if (!KEYS.has(event.key)) return;
    const drawn = lines();
    if (!drawn.length || !years) return;
    event.preventDefault();
    const at = position && drawn.includes(position.line) ? position : { line: drawn[0], year: 0 };
    const index = drawn.indexOf(at.line);
    const moves = {
      ArrowRight: () => [at.line, Math.min(at.year + 1, years - 1)],
      ArrowLeft: () => [at.line, Math.max(at.year - 1, 0)],
      ArrowUp: () => [drawn[Math.min(index + 1, drawn.length - 1)], at.year],
      ArrowDown: () => [drawn[Math.max(index - 1, 0)], at.year],
      Home: () => [at.line, 0],
      End: () => [at.line, years - 1],
    };
    if (moves[event.key]) show(...moves[event.key]());
    else if (onOpen && position) onOpen(position.line, position.year);
    else show(at.line, at.year);
  }

  function onFocus() {
    const drawn = lines();
    if (drawn.length && years) show(position?.line ?? drawn[0], position?.year ?? 0);
  }

  function onPointer(event) {
    const point = pointAt(event);
    if (point) show(point.datasetIndex, point.index);
  }

  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('focus', onFocus);
  canvas.addEventListener('pointermove', onPointer);
  return {
    destroy() {
      canvas.removeEventListener('keydown', onKey);
      canvas.removeEventListener('focus', onFocus);
      canvas.removeEventListener('pointermove', onPointer);
      if (!hadTabIndex) canvas.removeAttribute('tabindex');
      readout.remove();
    },
  };
}
