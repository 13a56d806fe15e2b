import { yieldToMain } from './main-thread.js';
import { plural } from './plural.js';
import { coverageSentence } from './catalog-years.js';
import { GraphQLError } from './graphql.js';
import { baseOptions, onThemeChange, themeColors } from './chart-theme.js';
import { createResultPanel } from './result-panel.js';
import { renderMovieDetails } from './movie-details.js';
import { readYear } from './year-input.js';
import { POPULARITY_QUERY, popularityVariables } from './popularity-query.js';
import { formatPopularity } from './popularity-format.js';
import { distinctBottom } from './ranking-split.js';
import { CATALOG_LIMITS } from './catalog-limits.js';
import { filterInWords } from './filter-words.js';
import { filterVariable } from './url-state.js';
import { markOnce } from './boot-marks.js';
import { paintBarChart } from './light-chart.js';
import { whenChartLibraryWanted } from './chart-upgrade.js';

const POPULARITY_LABEL = 'TMDB popularity';

// Axis labels are cut to fit beside the bars; the list under the chart and the tooltip show full titles.
const narrowScreen = matchMedia('(max-width: 600px)');

/** The popularity view: the year's top movies in green and bottom movies in red; a bar opens a movie. */
export function createPopularityView(store) {
  const form = document.getElementById('popularity-form');
  const yearInput = document.getElementById('popularity-year');
  const limitInput = document.getElementById('popularity-limit');
  const topTitle = document.getElementById('top-title');
  const bottomTitle = document.getElementById('bottom-title');
  const bottomNote = document.getElementById('bottom-note');
  const details = document.getElementById('movie-details');
  const panel = createResultPanel('popularity', [yearInput, limitInput], () => show(store.state));
  const rankings = {
    top: { canvas: document.getElementById('top-chart'), list: document.getElementById('top-list'), color: 'top', chart: null },
    bottom: { canvas: document.getElementById('bottom-chart'), list: document.getElementById('bottom-list'), color: 'bottom', chart: null },
  };

  let report = null;
  let loadedKey = null;
  limitInput.min = String(CATALOG_LIMITS.minLimit);
  limitInput.max = String(CATALOG_LIMITS.maxLimit);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const year = readYear(yearInput);
    if (year == null) {
      panel.failed(new GraphQLError('', 'MISSING_YEAR'), [yearInput]);
      return;
    }
    const limit = readYear(limitInput);
    if (!validLimit(limit)) {
      panel.failed(new GraphQLError('', 'INVALID_LIMIT'), [limitInput]);
      return;
    }
    store.update({ year, limit, movie: null });
  });
  onThemeChange(() => report && drawCharts());

  async function show(state) {
    yearInput.value = state.year;
    limitInput.value = state.limit;
    // A limit from a hand-edited link is checked here, with the same message as one typed into the form.
    if (!validLimit(state.limit)) {
      panel.cancel();
      panel.failed(new GraphQLError('', 'INVALID_LIMIT'), [limitInput]);
      return;
    }
    const key = JSON.stringify([state.year, state.limit, state.filter, state.dataset]);
    if (key === loadedKey && report) {
      // Back can return here while another year is still loading; its late answer must not replace this one.
      panel.cancel();
      renderSelection(state.movie);
      return;
    }

    const outcome = await panel.load(`Loading ${state.year}…`, POPULARITY_QUERY, popularityVariables(state));
    if (!outcome) return;
    const popularity = outcome.data?.popularity ?? null;
    report = popularity && { ...popularity, bottom: distinctBottom(popularity), limit: state.limit };
    loadedKey = report ? key : null;
    if (report) {
      // Filling the form and taking the answer is one task, drawing the result the next (see main-thread.js).
      await yieldToMain();
      if (loadedKey === key) render(store.state);
    } else {
      destroyCharts();
      details.hidden = true;
    }
  }

  function render(state) {
    if (report.movieCount === 0) {
      destroyCharts();
      details.hidden = true;
      for (const ranking of Object.values(rankings)) ranking.list.replaceChildren();
      panel.empty(`No dated movies ${filterVariable(state.filter) ? 'that pass the filter ' : ''}were released in ${report.year}.${coverageSentence()}`);
      return;
    }
    const filter = filterInWords(state.filter);
    panel.ready(`${report.year}: ${plural(report.movieCount, 'movie')}${filter ? ` that pass the filter (${filter})` : ''}.`);
    renderHeadings();
    drawCharts();
    for (const [name, ranking] of Object.entries(rankings)) renderList(ranking.list, report[name]);
    renderSelection(state.movie);
  }

  function renderHeadings() {
    topTitle.textContent = `Top ${report.top.length}`;
    bottomTitle.textContent = `Bottom ${report.bottom.length}`;
    const missing = report.limit - report.bottom.length;
    bottomNote.hidden = missing <= 0;
    bottomNote.textContent = report.bottom.length === 0
      ? `All ${plural(report.movieCount, 'movie')} of ${report.year} are in the top list.`
      : `Only ${plural(report.bottom.length, 'movie')} of ${report.year} ${report.bottom.length === 1 ? 'is' : 'are'} not already in the top list.`;
  }

  function drawCharts() {
    const painted = !window.Chart;
    if (painted) whenChartLibraryWanted(document.getElementById('popularity-result'), upgradeCharts);
    for (const [name, ranking] of Object.entries(rankings)) {
      const movies = report[name];
      ranking.canvas.parentElement.hidden = movies.length === 0;
      const color = themeColors()[ranking.color];
      const data = {
        labels: movies.map((m) => m.title),
        datasets: [{ label: POPULARITY_LABEL, data: movies.map((m) => m.popularity), backgroundColor: color, borderWidth: 0 }],
      };
      ranking.chart?.destroy();
      ranking.chart = painted ? paintedChart(ranking.canvas, data, movies) : libraryChart(ranking.canvas, data, movies);
      ranking.canvas.setAttribute('aria-label',
        `Horizontal bar chart, ${name === 'top' ? 'most' : 'least'} popular movies of ${report.year}: `
        + movies.map((m) => `${m.title} ${formatPopularity(m.popularity)}`).join(', '));
      ranking.canvas.parentElement.dataset.chart = JSON.stringify({ labels: data.labels, data: data.datasets[0].data, color });
    }
    markOnce('chart-drawn');
  }

  /** The interactive chart: Chart.js, with tooltips; a bar opens its movie. */
  function libraryChart(canvas, data, movies) {
    const options = baseOptions();
    options.indexAxis = 'y';
    options.scales = {
      x: { beginAtZero: true, title: { display: true, text: POPULARITY_LABEL } },
      y: { grid: { display: false }, ticks: { autoSkip: false, callback: (_, i) => shorten(data.labels[i]) } },
    };
    options.plugins.tooltip = { callbacks: { title: (items) => items[0].label } };
    options.onClick = (event, elements) => {
      if (elements.length) select(movies[elements[0].index].id);
    };
    options.onHover = (event, elements) => {
      event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
    };
    return new window.Chart(canvas, { type: 'bar', data, options });
  }

  /** The same bars painted without the library until someone reaches for them (js/chart-upgrade.js). */
  function paintedChart(canvas, data, movies) {
    const painted = paintBarChart(canvas, {
      horizontal: true,
      labels: data.labels,
      datasets: [{ data: data.datasets[0].data, color: data.datasets[0].backgroundColor }],
      valueTitle: POPULARITY_LABEL,
      categoryTick: (i) => shorten(data.labels[i]),
    }, themeColors());
    const onClick = (event) => {
      const index = painted.indexAt(event);
      if (index >= 0) select(movies[index].id);
    };
    canvas.addEventListener('click', onClick);
    const destroy = painted.destroy;
    return { ...painted, destroy: () => { canvas.removeEventListener('click', onClick); destroy(); } };
  }

  function upgradeCharts() {
    if (report && Object.values(rankings).some((r) => r.chart?.painted)) drawCharts();
  }

  function renderList(list, movies) {
    list.replaceChildren(...movies.map((movie) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = movie.title;
      button.dataset.movieId = String(movie.id);
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', () => select(movie.id));
      const value = document.createElement('span');
      value.className = 'value';
      value.textContent = formatPopularity(movie.popularity);
      item.append(button, value);
      return item;
    }));
  }

  function select(movieId) {
    store.update({ movie: movieId });
    details.focus({ preventScroll: true });
    details.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function renderSelection(movieId) {
    const movie = [...report.top, ...report.bottom].find((m) => m.id === movieId);
    for (const button of document.querySelectorAll('#popularity [data-movie-id]')) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.movieId) === movieId));
    }
    if (!movie) {
      details.hidden = true;
      return;
    }
    renderMovieDetails(details, movie);
    details.hidden = false;
  }

  function destroyCharts() {
    for (const ranking of Object.values(rankings)) {
      ranking.chart?.destroy();
      ranking.chart = null;
      delete ranking.canvas.parentElement.dataset.chart;
    }
  }

  return { show };
}

function validLimit(limit) {
  return Number.isInteger(limit) && limit >= CATALOG_LIMITS.minLimit && limit <= CATALOG_LIMITS.maxLimit;
}

function shorten(title) {
  const length = narrowScreen.matches ? 16 : 24;
  return title.length > length ? title.slice(0, length - 1) + '…' : title;
}
