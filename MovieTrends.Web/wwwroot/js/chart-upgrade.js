import { loadChartLibrary } from './chart-library.js';

// The first charts are painted without the chart library (js/light-chart.js). The library (about 200 KB to
// run) adds tooltips and hover; it is loaded the first time someone points at, touches or tabs into a view's
// result, so the first screen never waits for it nor spends its main thread on it.

const INTENT_EVENTS = ['pointerover', 'pointerdown', 'focusin'];
const waiting = new Set();
const listening = new WeakSet();

/**
 * Runs `upgrade` once the chart library has run: at once when it already has, else after the first sign of
 * intent in `region`. Pass the same function each time: a view waiting twice is upgraded once.
 */
export function whenChartLibraryWanted(region, upgrade) {
  if (window.Chart) {
    upgrade();
    return;
  }
  waiting.add(upgrade);
  if (listening.has(region)) return;
  listening.add(region);
  const onIntent = () => {
    for (const type of INTENT_EVENTS) region.removeEventListener(type, onIntent);
    loadChartLibrary().then(() => {
      const callbacks = [...waiting];
      waiting.clear();
      for (const callback of callbacks) callback();
    }, () => {}); // Without the library the painted charts stay: they show the same numbers.
  };
  for (const type of INTENT_EVENTS) region.addEventListener(type, onIntent, { passive: true });
}
