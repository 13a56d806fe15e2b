import { GraphQLError } from './graphql.js';
import { genreColor } from './genre-colors.js';
import { baseOptions, onThemeChange, themeColors } from './chart-theme.js';
import { createResultPanel } from './result-panel.js';
import { displayedSeries, isEmpty, shareOfMovies } from './trends-data.js';
import { csvRow, downloadCanvas, downloadText } from './downloads.js';
import { renderTrendsTable } from './trends-table.js';
import { readYear } from './year-input.js';
import { trendsSummary } from './trends-summary.js';
import { plural } from './plural.js';
import { coverageSentence } from './catalog-years.js';
import { closeOnEscapeOrOutsideClick } from './dismissable-details.js';
import { groupSize, groupYears } from './year-groups.js';
import { markOnce } from './boot-marks.js';
import { TRENDS_QUERY, trendsVariables } from './trends-query.js';
import { rovingFocus } from './roving-focus.js';
import { composeChartImage } from './chart-image.js';
import { MEASURES, isCountMeasure, measureOf, valueColumn } from './measures.js';
import { knownCell, measureChart, measureSummary, renderMeasureTable } from './trends-measure.js';
import { datasetOf } from './analysis-controls.js';
import { describeFilter, filterInWords } from './filter-words.js';
import { createDrillDown } from './drill-down.js';
import { createComparison } from './comparison.js';
import { createFilterComparison } from './filter-comparison.js';
import { barKeyboard } from './chart-keyboard.js';
import { openableCells } from './table-cells.js';
import { formatNumber } from './number-format.js';
import { paintBarChart } from './light-chart.js';
import { paintLineChart } from './light-lines.js';
import { paintedReadout } from './painted-readout.js';
import { trendsTitle } from './trends-title.js';
import { whenChartLibraryWanted } from './chart-upgrade.js';
import { loadChartLibrary } from './chart-library.js';
import { yieldToMain } from './main-thread.js';
import { attachDeferredMarkup } from './deferred-markup.js';

/**
 * The genre-trends view: stacked bars per year (counts or shares) or a line per genre (other measures),
 * legend toggles, table, CSV and PNG; a bar, legend entry or cell opens its movies; two genres side by side.
 */
export function createTrendsView(store, { genres: firstGenres }) {
  let genres = firstGenres;
  const form = document.getElementById('trends-form');
  const fromInput = document.getElementById('trends-from');
  const toInput = document.getElementById('trends-to');
  const genreOptions = document.getElementById('genre-options');
  const genreSummary = document.getElementById('genre-summary');
  const legend = document.getElementById('trends-legend');
  const figure = document.getElementById('trends-figure');
  const canvas = document.getElementById('trends-chart');
  const table = document.getElementById('trends-table');
  const csvButton = document.getElementById('trends-csv');
  const pngButton = document.getElementById('trends-png');
  const measureSelect = document.getElementById('trends-measure');
  const measureNote = document.getElementById('trends-measure-note');
  const modeNote = document.getElementById('trends-mode-note');
  const heading = document.getElementById('trends-title');
  const lead = heading.nextElementSibling;
  const firstLead = lead.textContent;
  // The drill-down list and the two comparisons sit below the first chart: their markup and wiring come after it.
  let belowChart = null;
  const below = () => (belowChart ??= createBelowChart(store));
  /** What a bar or point is, for the keyboard's announcement and the painted chart's readout. */
  const describeCell = (datasetIndex, index) => {
    const series = trends.series[datasetIndex];
    return `${series.genre}, ${trends.years[index]}: ${isCountMeasure(store.state.measure)
      ? plural(series.counts[index], 'movie') : knownCell(series, index, measureOf(store.state.measure))}.`;
  };
  const keyboard = barKeyboard(canvas, document.getElementById('trends-focus-note'), {
    getChart: () => chart,
    describe: describeCell,
    onOpen: (datasetIndex, index) => openCell(trends.series[datasetIndex].genre, index, canvas),
  });
  const panel = createResultPanel('trends', [fromInput, toInput], () => show(store.state), {
    // The years are not at fault when a linked genre does not exist, or the dataset lacks the measure or a
    // filter field, or does not exist.
    inputsFor: (code) => (code === 'MEASURE_UNAVAILABLE' ? [measureSelect]
      : ['UNKNOWN_GENRE', 'FILTER_UNAVAILABLE', 'INVALID_FILTER', 'UNKNOWN_DATASET'].includes(code) ? [] : undefined),
  });

  const hiddenGenres = new Set();
  let chart = null;
  let trends = null;
  let loadedKey = null;
  let renderedKey = null;
  const shownKey = (state) => JSON.stringify([loadedKey, state.mode, state.display]);

  buildGenreOptions();
  wireEvents();
  onThemeChange(() => trends && render(store.state));

  /** Another dataset's genres, or the catalog's when it came late; ticked and measures offered as the state says. */
  function setGenres(next) {
    genres = next;
    genreOptions.replaceChildren();
    buildGenreOptions();
    showGenreChoice(store.state);
    buildMeasureOptions(store.state);
  }

  function showGenreChoice(state) {
    const selected = new Set(state.genres ?? genres.map((g) => g.name));
    for (const box of genreOptions.querySelectorAll('input')) box.checked = selected.has(box.value);
    updateGenreSummary();
  }

  function buildMeasureOptions(state) {
    const dataset = datasetOf(state);
    measureSelect.replaceChildren(...Object.entries(MEASURES).map(([name, measure]) => {
      const available = !dataset || dataset.measures.includes(name);
      // Shown but disabled, with the reason: another dataset has the data.
      const option = new Option(available ? measure.label : `${measure.label} (not in ${dataset.name})`, name);
      option.disabled = !available;
      return option;
    }));
    measureSelect.value = state.measure;
    const unavailable = dataset ? Object.keys(MEASURES).filter((name) => !dataset.measures.includes(name)) : [];
    const count = isCountMeasure(state.measure);
    measureNote.textContent = unavailable.length
      ? `${dataset.name} has no data for ${unavailable.map((name) => MEASURES[name].label.toLowerCase()).join(', ')}`
      : count ? '' : `Over the movies with ${measureOf(state.measure).known}`;
    for (const radio of form.elements.mode) radio.disabled = !count;
    modeNote.hidden = count;
  }

  function buildGenreOptions() {
    for (const genre of genres) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'genre';
      box.value = genre.name;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = genreColor(genre.name);
      label.append(box, swatch, genre.name);
      genreOptions.append(label);
    }
  }

  function wireEvents() {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const from = readYear(fromInput);
      const to = readYear(toInput);
      const picked = [...genreOptions.querySelectorAll('input:checked')].map((box) => box.value);
      if (from == null || to == null) {
        panel.failed(new GraphQLError('', 'MISSING_YEAR'), [from == null ? fromInput : toInput]);
        return;
      }
      if (picked.length === 0) {
        panel.failed(new GraphQLError('', 'NO_GENRE'), []);
        return;
      }
      store.update({ from, to, genres: picked.length === genres.length ? null : picked });
    });
    form.addEventListener('change', (event) => {
      const { name, value } = event.target;
      if (name === 'mode' || name === 'display') store.update({ [name]: value });
      if (name === 'measure') store.update({ measure: value, drill: null, movie: null });
      if (name === 'genre') updateGenreSummary();
    });
    closeOnEscapeOrOutsideClick(document.getElementById('genre-picker'));
    document.getElementById('genres-all').addEventListener('click', () => setAllGenres(true));
    document.getElementById('genres-none').addEventListener('click', () => setAllGenres(false));
    csvButton.addEventListener('click', downloadCsv);
    pngButton.addEventListener('click', downloadPng);
  }

  function setAllGenres(checked) {
    for (const box of genreOptions.querySelectorAll('input')) box.checked = checked;
    updateGenreSummary();
  }

  function updateGenreSummary() {
    const checked = genreOptions.querySelectorAll('input:checked').length;
    genreSummary.textContent = checked === genres.length ? 'all' : `${checked} of ${genres.length}`;
  }

  /** Brings the form and the result in line with the state; fetches only when the query changed. */
  async function show(state) {
    fromInput.value = state.from;
    toInput.value = state.to;
    showGenreChoice(state);
    form.elements.mode.value = state.mode;
    form.elements.display.value = state.display;
    buildMeasureOptions(state);
    if (belowChart || state.drill) below().drillDown.show(state);

    const key = JSON.stringify([state.from, state.to, state.genres, state.measure, state.filter, state.dataset]);
    if (key === loadedKey && trends) {
      // Back can return here while another range is still loading; its late answer must not replace this one.
      panel.cancel();
      await loadLibraryFor(state);
      // Opening a list or pinning a pair leaves the chart as it is: a chart must not be replaced from inside its
      // own click handler, which goes on to draw it.
      if (renderedKey === shownKey(state)) showComparisons(state);
      else render(state);
      return;
    }

    setDownloads(false);
    nameTheView(state);
    renderedKey = null; // The panel shows the loading state now: coming back to the held result draws it again.
    const outcome = await panel.load(`Loading ${state.from}–${state.to}…`, TRENDS_QUERY, trendsVariables(state));
    if (!outcome) return;
    const answer = outcome.data?.genreTrends ?? null;
    // Everything on screen (chart, table, CSV, tooltips) works on the grouped years when the range is long.
    // Averages and medians cannot be summed into groups; their lines stay readable over every year.
    const size = answer && isCountMeasure(answer.measure) ? groupSize(answer.from, answer.to) : 1;
    trends = answer && groupYears(answer, size);
    keyboard.reset();
    loadedKey = trends ? key : null;
    if (!trends) {
      destroyChart();
      belowChart?.versus.clear();
      return;
    }
    await loadLibraryFor(store.state);
    // Filling the form and taking the answer is one task, drawing the result the next (see main-thread.js).
    await yieldToMain();
    render(store.state);
  }

  /**
   * The heading and the lead say what was asked, from the moment it is asked: a refused or failed request must
   * not leave them naming the page's first view (or the last one drawn).
   */
  function nameTheView(state) {
    heading.textContent = trendsTitle(state);
    lead.textContent = isCountMeasure(state.measure) ? firstLead
      : `The ${measureOf(state.measure).label.toLowerCase()} of each genre's movies, year by year. A movie counts once in each of its genres.`;
  }

  function render(state) {
    if (isEmpty(trends)) {
      destroyChart();
      table.replaceChildren();
      legend.replaceChildren();
      setDownloads(false);
      belowChart?.comparison.clear();
      belowChart?.versus.clear();
      panel.empty(`No movies of the chosen genres were released ${yearSpan(trends.from, trends.to)}.${coverageSentence()}`);
      return;
    }
    const count = isCountMeasure(trends.measure);
    const filter = filterInWords(state.filter);
    nameTheView(state);
    panel.ready((count ? trendsSummary(trends, state.genres != null) : measureSummary(trends, trends.measure))
      + (filter ? ` Only movies that pass the filter: ${filter}.` : ''));
    const asTable = state.display === 'table';
    figure.hidden = asTable;
    table.hidden = !asTable;
    setDownloads(true, asTable);
    renderLegend();
    // Only what is on screen is built: the table (hundreds of cells) when it is asked for, else the chart.
    if (asTable) {
      destroyChart();
      if (count) renderTrendsTable(table, trends, state.mode, state.genres != null, heading.textContent);
      else renderMeasureTable(table, trends, trends.measure, heading.textContent);
      openableCells(table.querySelector('table'), (row, column, cell) =>
        openCell(trends.series[column]?.genre ?? null, row, cell));
    } else {
      table.replaceChildren();
      drawChart();
    }
    showComparisons(state);
    renderedKey = shownKey(state);
  }

  /** A bar or a cell (a year or a group of years, one genre or, past the last genre, all) opens its movies. */
  function openCell(genre, index, origin) {
    const { first, last } = trends.groups[index];
    below().drillDown.open({ genre, from: first, to: last }, origin);
  }

  function showComparisons(state) {
    if (!belowChart) {
      // The first chart's frame is painted first; the comparisons join the page after it.
      afterNextFrame(() => {
        below();
        if (trends && renderedKey === shownKey(store.state)) showComparisons(store.state);
      });
      return;
    }
    belowChart.comparison.show(state, comparisonView(state));
    belowChart.versus.show(state, trends);
  }

  /** What the comparison draws: the same years and numbers as the main chart. */
  function comparisonView(state) {
    const count = isCountMeasure(trends.measure);
    const measure = measureOf(trends.measure);
    const shown = displayedSeries(trends, state.mode, state.genres != null);
    const share = count && state.mode === 'share';
    const series = Object.fromEntries(trends.series.map((s, i) => [s.genre, { ...s, values: count ? shown[i].values : s.values }]));
    return {
      labels: trends.years.map(String),
      genres: trends.series.map((s) => s.genre),
      series,
      axis: count ? yAxisTitle(share, state.genres != null, trends.groupSize) : measure.axis,
      tick: count ? (v) => formatNumber(v) : measure.tick,
      cell: (s, i) => (count ? (share ? `${s.values[i].toFixed(1)} %` : formatNumber(s.values[i])) : knownCell(s, i, measure)),
    };
  }

  /**
   * The downloads save what is on screen, so they work only while a result is shown: not before the first
   * one arrives, nor while another loads, nor after an error or an empty result. PNG needs the chart.
   */
  function setDownloads(ready, asTable = false) {
    csvButton.disabled = !ready;
    pngButton.disabled = !ready || asTable;
    pngButton.title = ready && asTable ? 'Switch to the chart to download it as an image' : '';
  }

  function renderLegend() {
    legend.replaceChildren(...trends.series.map((series) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('aria-pressed', String(!hiddenGenres.has(series.genre)));
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = genreColor(series.genre);
      button.append(swatch, series.genre);
      button.addEventListener('click', () => toggleGenre(series.genre, button));
      // The genre's movies over the whole range: in the same Tab stop, one arrow key away.
      const list = document.createElement('button');
      list.type = 'button';
      list.className = 'legend-list';
      list.textContent = 'movies';
      list.setAttribute('aria-label', `List ${series.genre} movies, ${trends.from}–${trends.to}`);
      list.addEventListener('click', () => below().drillDown.open({ genre: series.genre, from: trends.from, to: trends.to }, list));
      const item = document.createElement('span');
      item.className = 'legend-item';
      item.append(button, list);
      return item;
    }));
    rovingFocus(legend);
  }

  function toggleGenre(genre, button) {
    const visible = hiddenGenres.has(genre);
    if (visible) hiddenGenres.delete(genre); else hiddenGenres.add(genre);
    button.setAttribute('aria-pressed', String(visible));
    if (chart?.painted) {
      drawChart(); // The painted first chart has no datasets to switch: paint it again without the genre.
      return;
    }
    const index = chart?.data.datasets.findIndex((d) => d.label === genre) ?? -1;
    if (index >= 0) {
      chart.setDatasetVisibility(index, visible);
      chart.update();
    }
  }

  function drawChart() {
    if (!isCountMeasure(trends.measure)) {
      drawMeasureChart();
      return;
    }
    const { mode } = store.state;
    const share = mode === 'share';
    const subset = store.state.genres != null;
    const series = displayedSeries(trends, mode, subset);
    const data = {
      labels: trends.years.map(String),
      datasets: series.map((s) => ({
        label: s.genre,
        data: s.values,
        backgroundColor: genreColor(s.genre),
        borderWidth: 0,
        hidden: hiddenGenres.has(s.genre),
      })),
    };
    const grouped = trends.groupSize > 1;
    releaseChart();
    chart = window.Chart ? libraryChart(data, share, subset, grouped) : paintedChart(data, share, subset, grouped);
    canvas.setAttribute('aria-label',
      `${trendsTitle(store.state)}: stacked bar chart, ${series.length} genres. The table view lists the same numbers.`);
    // What the chart draws, for anyone (or any test) that needs the exact numbers behind the pixels.
    figure.dataset.chart = JSON.stringify({
      mode,
      groupSize: trends.groupSize,
      labels: data.labels,
      datasets: data.datasets.map((d) => ({ label: d.label, data: d.data })),
    });
    markOnce('chart-drawn');
  }

  /** The interactive chart: Chart.js, with tooltips. */
  function libraryChart(data, share, subset, grouped) {
    const options = baseOptions();
    options.scales = {
      // Horizontal year labels, thinned out when crowded: fitting rotated labels is the costliest part of a draw.
      x: {
        stacked: true,
        grid: { display: false },
        ticks: { maxRotation: 0, autoSkipPadding: 8 },
        title: { display: grouped, text: grouped ? groupedAxisTitle(trends.groupSize) : '' },
      },
      y: {
        stacked: true,
        beginAtZero: true,
        // A subset's shares of the year's movies need not reach 100 %, nor stay under it (a movie can be in
        // two chosen genres), so only the all-genre stack is pinned to 100.
        max: share && !subset ? 100 : undefined,
        title: { display: true, text: yAxisTitle(share, subset, trends.groupSize) },
      },
    };
    const period = grouped ? 'these years’' : 'the year’s';
    options.plugins.tooltip = {
      callbacks: {
        label: (item) => share && subset
          ? `${item.dataset.label}: ${item.raw}% of ${period} movies`
          : share
          ? `${item.dataset.label}: ${item.raw}% (${shareOfMovies(trends, item.datasetIndex, item.dataIndex)}% of ${period} movies)`
          : `${item.dataset.label}: ${formatNumber(item.raw)}`,
      },
    };
    options.onClick = (event, elements) => {
      if (elements.length) openCell(trends.series[elements[0].datasetIndex].genre, elements[0].index, canvas);
    };
    return new window.Chart(canvas, { type: 'bar', data, options });
  }

  /** The same bars painted without the library, until someone reaches for the chart (js/chart-upgrade.js). */
  function paintedChart(data, share, subset, grouped) {
    whenChartLibraryWanted(document.getElementById('trends-result'), upgradeChart);
    const painted = paintBarChart(canvas, {
      stacked: true,
      labels: data.labels,
      datasets: data.datasets.map((d) => ({ data: d.data, color: d.backgroundColor, hidden: d.hidden })),
      max: share && !subset ? 100 : undefined,
      valueTitle: yAxisTitle(share, subset, trends.groupSize),
      categoryTitle: grouped ? groupedAxisTitle(trends.groupSize) : '',
    }, themeColors());
    // A bar opens its movies before the library is there too.
    return opening(painted, painted.barAt);
  }

  function libraryLines(data, scales, tooltip) {
    const options = baseOptions();
    options.scales = scales;
    options.interaction = { mode: 'nearest', intersect: true };
    options.plugins.tooltip = { callbacks: { label: tooltip } };
    options.onClick = (event, elements) => {
      if (elements.length) openCell(trends.series[elements[0].datasetIndex].genre, elements[0].index, canvas);
    };
    return new window.Chart(canvas, { type: 'line', data, options });
  }

  /**
   * The same lines painted without the library, which could not be loaded: the numbers stay on screen and a
   * point opens its movies; the library's chart replaces them if the library arrives after all.
   */
  function paintedLines(data, valueTitle) {
    whenChartLibraryWanted(document.getElementById('trends-result'), upgradeChart);
    const measure = measureOf(trends.measure);
    const painted = paintLineChart(canvas, {
      labels: data.labels,
      datasets: data.datasets.map((d) => ({ data: d.data, color: d.borderColor, hidden: d.hidden })),
      valueTitle,
      tick: measure.tick,
    }, themeColors());
    // The library's tooltips, in words: the point under the pointer, or the one the arrow keys reached.
    const readout = paintedReadout(canvas, figure, {
      lines: () => data.datasets.flatMap((d, i) => (hiddenGenres.has(d.label) ? [] : [i])),
      years: data.labels.length,
      describe: describeCell,
      pointAt: painted.nearestAt,
      onOpen: (datasetIndex, index) => openCell(trends.series[datasetIndex].genre, index, canvas),
    });
    const opened = opening(painted, painted.pointAt);
    return { ...opened, destroy: () => { readout.destroy(); opened.destroy(); } };
  }

  /** A painted chart whose bar or point under a click opens its movies; destroying it removes the click. */
  function opening(painted, hitAt) {
    const onClick = (event) => {
      const hit = hitAt(event);
      if (hit) openCell(trends.series[hit.datasetIndex].genre, hit.index, canvas);
    };
    canvas.addEventListener('click', onClick);
    return { ...painted, destroy: () => { canvas.removeEventListener('click', onClick); painted.destroy(); } };
  }

  function upgradeChart() {
    if (chart?.painted) drawChart();
  }

  function drawMeasureChart() {
    const measureName = trends.measure;
    const { data, scales, tooltip } = measureChart(trends, measureName, hiddenGenres);
    releaseChart();
    chart = window.Chart ? libraryLines(data, scales, tooltip) : paintedLines(data, scales.y.title.text);
    canvas.setAttribute('aria-label',
      `${trendsTitle(store.state)}: line chart, one line for each of ${trends.series.length} genres; `
      + 'years without a known value are gaps. The table view lists the same numbers with the movies each rests on.');
    figure.dataset.chart = JSON.stringify({
      mode: store.state.mode,
      measure: measureName,
      groupSize: 1,
      labels: data.labels,
      datasets: data.datasets.map((d) => ({ label: d.label, data: d.data, known: d.known })),
    });
    markOnce('chart-drawn');
  }

  /** The result leaves the screen: coming back to it draws it again. */
  function destroyChart() {
    renderedKey = null;
    releaseChart();
  }

  /** Takes the chart off the canvas for another drawing of the same result. */
  function releaseChart() {
    chart?.destroy();
    chart = null;
    delete figure.dataset.chart;
  }

  /** Line charts (a value measure, the pinned comparison) are the chart library's: it is loaded before they are drawn. */
  async function loadLibraryFor(state) {
    const lines = state.compare?.length === 2 || state.versus != null || (!isCountMeasure(trends.measure) && state.display !== 'table');
    if (lines && !window.Chart) await loadChartLibrary().catch(() => {});
  }

  function downloadCsv() {
    const { mode } = store.state;
    const series = displayedSeries(trends, mode, store.state.genres != null);
    // Grouped years get a first and a last year column: plain numbers, which a spreadsheet can sort and filter.
    const grouped = trends.groupSize > 1;
    const yearHeader = grouped ? ['First year', 'Last year'] : ['Year'];
    const yearCells = (i) => (grouped ? [trends.groups[i].first, trends.groups[i].last] : [trends.years[i]]);
    if (!isCountMeasure(trends.measure)) {
      // A value and, beside it, the movies it rests on; an empty cell where no movie had a known value.
      const measure = measureOf(trends.measure);
      const header = ['Year', ...trends.series.map((s) => valueColumn(s.genre, measure)), ...trends.series.map((s) => `${s.genre} (movies with a value)`), 'Movies (distinct)'];
      const rows = trends.years.map((_, i) => [trends.years[i], ...trends.series.map((s) => s.values[i] ?? ''), ...trends.series.map((s) => s.known[i]), trends.totals[i]]);
      downloadText(fileName('csv'), [header, ...rows].map(csvRow).join('\r\n') + '\r\n', 'text/csv');
      return;
    }
    // Counts need no unit beside the genre; a share says what it is a share of.
    const share = mode === 'share';
    const column = (genre) => (share ? `${genre} (% of ${shareBase(store.state.genres != null, trends.groupSize)})` : genre);
    const header = [...yearHeader, ...series.map((s) => column(s.genre)), 'Movies (distinct)'];
    const rows = trends.years.map((_, i) => [...yearCells(i), ...series.map((s) => s.values[i]), trends.totals[i]]);
    downloadText(fileName('csv'), [header, ...rows].map(csvRow).join('\r\n') + '\r\n', 'text/csv');
  }

  function downloadPng() {
    const { genres: picked } = store.state;
    const filter = filterInWords(store.state.filter);
    const text = {
      title: trendsTitle(store.state),
      subtitle: `${picked ? `${picked.length} chosen genres` : 'All genres'}; ${filter ? `filter: ${filter}` : describeFilter(store.state.filter)}; a movie counts once in each of its genres`,
      source: `Source: ${datasetOf(store.state)?.name ?? 'TMDB 5000 Movie Dataset'} (TMDB data), via MovieTrends. This product uses the TMDB API but is not endorsed or certified by TMDB.`,
    };
    const entries = trends.series.map((s) => ({ label: s.genre, color: genreColor(s.genre), hidden: hiddenGenres.has(s.genre) }));
    downloadCanvas(fileName('png'), composeChartImage(canvas, text, entries, themeColors()));
  }

  /**
   * What the file holds, in its name: range and measure, then the dataset unless it is the default and the
   * filter unless there is none (a CSV's cells alone would not say the numbers were filtered).
   */
  function fileName(extension) {
    const { mode, dataset, filter } = store.state;
    const what = isCountMeasure(trends.measure) ? mode : trends.measure.toLowerCase().replaceAll('_', '-');
    const words = filterInWords(filter);
    const filterPart = words ? `-${slug(words)}` : '';
    const datasetPart = dataset && !datasetOf(store.state)?.isDefault ? `-${dataset}` : '';
    return `genre-trends-${trends.from}-${trends.to}-${what}${datasetPart}${filterPart}.${extension}`;
  }

  return { show, setGenres };
}

/** "French · ≥ 1,000 votes" as "french-1000-votes": letters, digits and single dashes. */
function slug(text) {
  return text.toLowerCase().replace(/(\d),(\d)/g, '$1$2').replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
}

function yAxisTitle(share, subset, size) {
  if (!share) return size > 1 ? `Movies per ${size} years` : 'Movies';
  return `Share of ${shareBase(subset, size)} (%)`;
}

/** What a share is a share of: a subset's shares are of the movies, the whole stack's of the genre assignments. */
function shareBase(subset, size) {
  const period = size > 1 ? `the ${size} years’` : 'the year’s';
  return subset ? `${period} movies` : `${period} genre assignments`;
}

function groupedAxisTitle(size) {
  return `Years in groups of ${size}: each bar sums its years (the table and CSV list the same groups)`;
}

function yearSpan(from, to) {
  return from === to ? `in ${from}` : `between ${from} and ${to}`;
}

function createBelowChart(store) {
  attachDeferredMarkup('trends-below-chart');
  return { drillDown: createDrillDown(store), comparison: createComparison(store), versus: createFilterComparison(store) };
}

function afterNextFrame(callback) {
  requestAnimationFrame(() => setTimeout(callback));
}
