import { dropPrefetched, graphql, prefetch } from './graphql.js';
import { describeError } from './error-messages.js';
import { createStore } from './store.js';
import { createTrendsView, TRENDS_QUERY, trendsVariables } from './trends-view.js';
import { createPopularityView, POPULARITY_QUERY } from './popularity-view.js';
import { createChatPanel } from './chat-panel.js';
import { setCatalogYears } from './catalog-years.js';
import { CATALOG_LIMITS } from './catalog-limits.js';
import { readState } from './url-state.js';
import { loadChartLibrary } from './chart-library.js';
import { markOnce } from './boot-marks.js';

const CATALOG_QUERY = `query Catalog { catalog { firstYear lastYear } genres { name movieCount } }`;

// Used to pick defaults inside the catalog's years, and when the catalog cannot be read at all.
const PREFERRED = { from: 1990, to: 2016, year: 2010 };
const FIRST_CHOICES = { view: 'trends', mode: 'counts', display: 'chart' };
const API_YEARS = { first: CATALOG_LIMITS.firstYear, last: CATALOG_LIMITS.lastYear };

start();

/**
 * The first view's data, the catalog and the chart library are all requested at once, before anything
 * waits: the chart appears when the slowest of the three arrives, not after the sum of them.
 */
async function start() {
  requestFirstView();
  const catalogLoad = loadCatalog();
  const chartLibrary = loadChartLibrary().catch(() => {}); // Without it the charts fail where they are drawn.
  const { catalog, genres, failure } = await catalogLoad;
  await chartLibrary;
  const first = catalog?.firstYear ?? API_YEARS.first;
  const last = catalog?.lastYear ?? API_YEARS.last;
  const clamp = (year) => Math.min(Math.max(year, first), last);
  setCatalogYears(catalog?.firstYear, catalog?.lastYear);

  for (const id of ['trends-from', 'trends-to', 'popularity-year']) {
    const input = document.getElementById(id);
    input.min = String(first);
    input.max = String(last);
  }

  const store = createStore({
    ...FIRST_CHOICES,
    from: clamp(PREFERRED.from),
    to: clamp(PREFERRED.to),
    year: clamp(PREFERRED.year),
  });
  const views = {
    trends: createTrendsView(store, { genres }),
    popularity: createPopularityView(store),
  };
  createChatPanel(store);

  store.subscribe((state, previous) => showView(views, state, previous));
  wireNavigation(store);
  await showView(views, store.state, null);
  // A first request the view did not take (the catalog moved the default years) must not answer a later one.
  dropPrefetched();

  if (failure) {
    const status = document.getElementById(`${store.state.view}-status`);
    status.textContent = `The catalog could not be loaded (${describeError(failure)}); year bounds are not checked here.`;
  }
}

/**
 * Sends the request the first view will make, with the state from the URL and the preferred defaults. When
 * the catalog's years move a default (a catalog that ends before 2016), the view asks again with its own.
 */
function requestFirstView() {
  const state = readState(location.search, { ...FIRST_CHOICES, ...PREFERRED });
  if (state.view === 'popularity') prefetch(POPULARITY_QUERY, { year: state.year });
  else prefetch(TRENDS_QUERY, trendsVariables(state));
  markOnce('data-requested');
}

async function loadCatalog() {
  try {
    const data = await graphql(CATALOG_QUERY);
    return { catalog: data.catalog, genres: data.genres.toSorted((a, b) => b.movieCount - a.movieCount) };
  } catch (error) {
    return { catalog: null, genres: [], failure: error };
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
