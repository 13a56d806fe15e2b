import { markOnce } from './boot-marks.js';

// Chart.js (about 200 KB) is inserted only when a chart is to become interactive (js/chart-upgrade.js): the
// first screen is painted without it, so it neither holds the data back nor blocks the main thread early.

const SOURCE = 'lib/chart.js/chart.umd.min.js';
let loading = null;

/** Resolves once `window.Chart` exists; inserts the script on the first call. */
export function loadChartLibrary() {
  loading ??= new Promise((resolve, reject) => {
    if (window.Chart) {
      resolve();
      return;
    }
    const script = document.createElement('script');
    script.src = SOURCE;
    script.addEventListener('load', () => {
      markOnce('chart-library-loaded');
      resolve();
    });
    script.addEventListener('error', () => reject(new Error(`The chart library (${SOURCE}) could not be loaded.`)));
    document.head.append(script);
  });
  return loading;
}
