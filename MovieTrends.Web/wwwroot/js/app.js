import { CATALOG_QUERY, FIRST_CHOICES, PREFERRED } from './first-view.js';
import { dropPrefetched, graphql } from './graphql.js';
import { describeError } from './error-messages.js';
import { createStore } from './store.js';
import { readState } from './url-state.js';
import { createTrendsView } from './trends-view.js';
import { createPopularityView } from './popularity-view.js';
import { createChatPanel } from './chat-panel.js';
import { setCatalogYears } from './catalog-years.js';
import { CATALOG_LIMITS } from './catalog-limits.js';
import { createAnalysisControls } from './analysis-controls.js';
import { markOnce } from './boot-marks.js';

const API_YEARS = { first: CATALOG_LIMITS.firstYear, last: CATALOG_LIMITS.lastYear };

start();

/**
 * The first view's data and the catalog are already on their way (js/first-request.js, the boot script), so
 * the first chart waits for the slower of the two. It is painted without the chart library (js/chart-upgrade.js).
 */
async function start() {
  markOnce('page-started');
  const linked = readState(location.search, {}).dataset;
  let loaded = await loadCatalog(linked);
  // A link to a dataset that does not exist still gets the dataset switcher (from the default dataset's
  // catalog), so another one can be picked; the view says what was wrong with the link.
  if (linked && loaded.failure?.code === 'UNKNOWN_DATASET') loaded = { ...(await loadCatalog(null)), failure: loaded.failure };
  markOnce('catalog-received');
  const { catalog, failure } = loaded;
  const first = catalog?.firstYear ?? API_YEARS.first;
  const last = catalog?.lastYear ?? API_YEARS.last;
  const clamp = (year) => Math.min(Math.max(year, first), last);
  applyCatalog(loaded);

  const store = createStore({
    ...FIRST_CHOICES,
    from: clamp(PREFERRED.from),
    to: clamp(PREFERRED.to),
    year: clamp(PREFERRED.year),
  });
  const views = {
    trends: createTrendsView(store, { genres: loaded.genres }),
    popularity: createPopularityView(store),
  };
  const controls = createAnalysisControls(store, loaded.datasets);
  createChatPanel(store);
  const catalogs = new Map([[linked, loaded]]);

  // Another dataset has other years and genres: they are read (once) before its view is shown.
  async function show(state, previous) {
    if (previous && previous.dataset !== state.dataset) {
      if (!catalogs.has(state.dataset)) catalogs.set(state.dataset, await loadCatalog(state.dataset));
      if (store.state !== state) return; // A newer change is on its way.
      const next = catalogs.get(state.dataset);
      applyCatalog(next);
      views.trends.setGenres(next.genres);
    }
    controls.show(state);
    return showView(views, state, previous);
  }

  store.subscribe((state, previous) => show(state, previous));
  wireNavigation(store);
  // Building the forms and the chat is one task and drawing the first result another, so that neither holds
  // a slow phone's main thread for long.
  markOnce('views-built');
  await new Promise((resolve) => setTimeout(resolve));
  markOnce('first-view-started');
  await show(store.state, null);
  // A first request the view did not take (the catalog moved the default years) must not answer a later one.
  dropPrefetched();

  if (failure) {
    const status = document.getElementById(`${store.state.view}-status`);
    status.textContent = `The catalog could not be loaded (${describeError(failure)}); year bounds are not checked here.`;
  }
}

async function loadCatalog(dataset) {
  try {
    const data = await graphql(CATALOG_QUERY, { dataset });
    return {
      catalog: data.catalog,
      genres: data.genres.toSorted((a, b) => b.movieCount - a.movieCount),
      datasets: data.datasets,
    };
  } catch (error) {
    return { catalog: null, genres: [], datasets: [], failure: error };
  }
}

/** The year bounds of the inputs and the messages follow the dataset on screen. */
function applyCatalog({ catalog }) {
  setCatalogYears(catalog?.firstYear, catalog?.lastYear);
  for (const id of ['trends-from', 'trends-to', 'popularity-year']) {
    const input = document.getElementById(id);
    input.min = String(catalog?.firstYear ?? API_YEARS.first);
    input.max = String(catalog?.lastYear ?? API_YEARS.last);
  }
}

function showView(views, state, previous) {
  for (const section of document.querySelectorAll('[data-view]')) {
    section.hidden = section.dataset.view !== state.view;
  }
  for (const link of document.querySelectorAll('[data-view-link]')) {
    if (link.dataset.viewLink === state.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = state.view === 'popularity'
    ? `Popularity ${state.year} · MovieTrends`
    : `Genre trends ${state.from}–${state.to} · MovieTrends`;
  if (previous && previous.view !== state.view) document.getElementById('main').focus({ preventScroll: true });
  return views[state.view].show(state);
}

function wireNavigation(store) {
  for (const link of document.querySelectorAll('[data-view-link]')) {
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      store.update({ view: link.dataset.viewLink }, { push: true });
    });
  }
  addEventListener('popstate', () => store.restoreFromUrl());
}
