import { genreColor } from './genre-colors.js';
import { baseOptions } from './chart-theme.js';

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
  let chart = null;

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
    const options = baseOptions();
    // Two lines only: a legend says which is which without a row of toggles.
    options.plugins.legend = { display: true, position: 'top', align: 'start' };
    options.scales = {
      x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
      y: { beginAtZero: true, title: { display: true, text: view.axis }, ticks: { callback: (value) => view.tick(value) } },
    };
    const datasets = pinned.map((genre) => ({
      label: genre,
      data: view.series[genre].values,
      borderColor: genreColor(genre),
      backgroundColor: genreColor(genre),
      spanGaps: false,
      pointRadius: 2,
    }));
    chart?.destroy();
    chart = new window.Chart(canvas, { type: 'line', data: { labels: view.labels, datasets }, options });
    canvas.setAttribute('aria-label', `Line chart: ${view.axis}, ${pinned[0]} and ${pinned[1]} side by side, ${view.labels[0]} to ${view.labels.at(-1)}. The table below lists the same numbers.`);
    figure.dataset.chart = JSON.stringify({ labels: view.labels, datasets: datasets.map((d) => ({ label: d.label, data: d.data })) });
  }

  function renderTable(pinned, view) {
    const element = document.createElement('table');
    element.id = 'comparison-data-table';
    element.createCaption().textContent = view.axis;
    const head = element.createTHead().insertRow();
    for (const text of ['Year', ...pinned]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      head.append(th);
    }
    const body = element.createTBody();
    view.labels.forEach((label, i) => {
      const row = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      row.append(th);
      for (const genre of pinned) row.insertCell().textContent = view.cell(view.series[genre], i);
    });
    table.replaceChildren(element);
  }

  function clear() {
    chart?.destroy();
    chart = null;
    delete figure.dataset.chart;
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
