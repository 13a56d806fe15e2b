import { loadChartLibrary } from './chart-library.js';

const KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ']);

/**
 * Makes the bars of a chart reachable by keyboard: the canvas is one Tab stop, the arrow keys move between
 * years (left/right) and genres (up/down), the focused bar shows its tooltip and is announced in `note`, and
 * Enter or Space opens it (`onOpen(datasetIndex, index)`). `describe` says what a bar is, for the announcement.
 */
export function barKeyboard(canvas, note, { getChart, describe, onOpen }) {
  let position = null;
  canvas.tabIndex = 0;
  canvas.onkeydown = async (event) => {
    if (!KEYS.has(event.key)) return;
    event.preventDefault();
    // The painted first chart has no bars to move between: the library, asked for when the canvas took the
    // focus (js/chart-upgrade.js), replaces it first.
    if (getChart()?.painted) await loadChartLibrary().catch(() => {});
    const chart = getChart();
    if (!chart || chart.painted) return;
    const visible = chart.data.datasets.map((_, i) => i).filter((i) => chart.isDatasetVisible(i));
    const years = chart.data.labels.length;
    if (!visible.length || !years) return;
    position ??= { dataset: visible[0], index: 0 };
    if (!visible.includes(position.dataset)) position.dataset = visible[0];
    const at = visible.indexOf(position.dataset);
    const moves = {
      ArrowRight: () => { position.index = Math.min(position.index + 1, years - 1); },
      ArrowLeft: () => { position.index = Math.max(position.index - 1, 0); },
      ArrowUp: () => { position.dataset = visible[Math.min(at + 1, visible.length - 1)]; },
      ArrowDown: () => { position.dataset = visible[Math.max(at - 1, 0)]; },
      Home: () => { position.index = 0; },
      End: () => { position.index = years - 1; },
    };
    if (moves[event.key]) {
      moves[event.key]();
      highlight(chart);
    } else {
      onOpen(position.dataset, position.index);
    }
  };
  canvas.onfocus = () => {
    const chart = getChart();
    if (chart && !chart.painted) {
      position ??= { dataset: chart.data.datasets.findIndex((_, i) => chart.isDatasetVisible(i)), index: 0 };
      if (position.dataset >= 0) highlight(chart);
    }
  };
  canvas.onblur = () => {
    const chart = getChart();
    if (!chart || chart.painted) return;
    chart.setActiveElements([]);
    chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.update('none');
  };

  function highlight(chart) {
    const active = [{ datasetIndex: position.dataset, index: position.index }];
    chart.setActiveElements(active);
    chart.tooltip?.setActiveElements(active, { x: 0, y: 0 });
    chart.update('none');
    note.textContent = `${describe(position.dataset, position.index)} Press Enter to list the movies.`;
  }

  return {
    /** A new chart (another range or measure): start again from the first bar. */
    reset() { position = null; },
  };
}
