import { CATALOG_QUERY, FIRST_CHOICES, PREFERRED } from './first-request.js';
import { dropPrefetched, graphql } from './graphql.js';
import { describeError } from './error-messages.js';
import { createStore } from './store.js';
import { createTrendsView } from './trends-view.js';
import { createPopularityView } from './popularity-view.js';
import { createChatPanel } from './chat-panel.js';
import { setCatalogYears } from './catalog-years.js';
import { CATALOG_LIMITS } from './catalog-limits.js';

const API_YEARS = { first: CATALOG_LIMITS.firstYear, last: CATALOG_LIMITS.lastYear };

start();

/**
 * The first view's data and the catalog are already on their way (js/first-request.js), so the first chart
 * waits for the slower of the two. It is painted without the chart library (js/chart-upgrade.js).
 */
async function start() {
  const { catalog, genres, failure } = await loadCatalog();
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
  // Building the forms and the chat is one task and drawing the first result another, so that neither holds
  // a slow phone's main thread for long.
  await new Promise((resolve) => setTimeout(resolve));
  await showView(views, store.state, null);
  // A first request the view did not take (the catalog moved the default years) must not answer a later one.
  dropPrefetched();

  if (failure) {
    const status = document.getElementById(`${store.state.view}-status`);
    status.textContent = `The catalog could not be loaded (${describeError(failure)}); year bounds are not checked here.`;
  }
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
