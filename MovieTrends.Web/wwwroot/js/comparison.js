import { genreColor } from './genre-colors.js';
import { createLineFigure } from './line-figure.js';
import { renderLinesTable } from './lines-table.js';

/**
 * Two genres pinned side by side over the years on screen, with the same measure and filter: a small
 * two-line chart and a table. The pair is in the URL (`compare`), so a link restores it.
 */
export function createComparison(store) {
  const first = document.getElementById('compare-a');
  const second = document.getElementById('compare-b');
  const pin = document.getElementById('compare-pin');
  const unpin = document.getElementById('compare-clear');
  const result = document.getElementById('comparison-result');
  const figure = document.getElementById('comparison-figure');
  const canvas = document.getElementById('comparison-chart');
  const table = document.getElementById('comparison-table');
  const lines = createLineFigure(canvas, figure);

  pin.addEventListener('click', () => {
    if (first.value && second.value && first.value !== second.value) store.update({ compare: [first.value, second.value] });
  });
  unpin.addEventListener('click', () => store.update({ compare: null }));

  /**
   * `rows` is what the main chart shows: `labels` (years or groups) and per genre the drawn `values`,
   * `known` (or null) and a `format` for the cells; `caption` says what the values are.
   */
  function show(state, view) {
    fillOptions(first, view.genres, state.compare?.[0] ?? view.genres[0]);
    fillOptions(second, view.genres, state.compare?.[1] ?? view.genres[1] ?? view.genres[0]);
    pin.disabled = view.genres.length < 2;
    const pinned = state.compare?.filter((genre) => view.series[genre]) ?? [];
    unpin.hidden = !state.compare;
    result.hidden = pinned.length !== 2;
    if (pinned.length !== 2) {
      clear();
      return;
    }
    draw(pinned, view);
    renderTable(pinned, view);
  }

  function draw(pinned, view) {
    lines.draw({
      labels: view.labels,
      lines: pinned.map((genre) => ({
        label: genre,
        data: view.series[genre].values,
        color: genreColor(genre),
        cell: (i) => view.cell(view.series[genre], i),
      })),
      axis: view.axis,
      tick: view.tick,
      name: `Line chart: ${view.axis}, ${pinned[0]} and ${pinned[1]} side by side, ${view.labels[0]} to ${view.labels.at(-1)}. The table below lists the same numbers.`,
    });
  }

  function renderTable(pinned, view) {
    renderLinesTable(table, {
      id: 'comparison-data-table',
      caption: view.axis,
      labels: view.labels,
      columns: pinned.map((genre) => ({ label: genre, cell: (i) => view.cell(view.series[genre], i) })),
    });
  }

  function clear() {
    lines.clear();
    table.replaceChildren();
  }

  return { show, clear };
}

function fillOptions(select, genres, chosen) {
  if (select.options.length !== genres.length || [...select.options].some((o, i) => o.value !== genres[i])) {
    select.replaceChildren(...genres.map((genre) => new Option(genre, genre)));
  }
  select.value = genres.includes(chosen) ? chosen : genres[0] ?? '';
}
