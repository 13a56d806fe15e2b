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
import { yieldToMain } from './main-thread.js';
import { createCatalogNotice } from './catalog-notice.js';
import { untilNoWait } from './wait-retry.js';

// How long the other view and the chat wait for a first chart whose answer is still on its way.
const FIRST_CHART_HEAD_START_MS = 100;
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
  // catalog), so another one can be picked; the view says what was wrong with the link. That catalog is
  // recovered as the linked one would be when it does not come at first.
  const badLink = linked && loaded.failure?.code === 'UNKNOWN_DATASET' ? loaded.failure : null;
  const catalogDataset = badLink ? null : linked; // Whose catalog stands for the link's.
  if (badLink) loaded = await loadCatalog(null);
  markOnce('catalog-received');
  // The answers' promises were settled inside the boot script's network tasks; what the page does with them
  // starts a task of its own.
  await yieldToMain();
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
  // Each phase is a task of its own (see main-thread.js): the answers taken; the first view built and its answer
  // taken; its chart painted; then what the first screen does not show (the other view, the chat).
  const controls = createAnalysisControls(store, loaded.datasets);
  const builders = {
    trends: () => createTrendsView(store, { genres: loaded.genres }),
    popularity: () => createPopularityView(store),
  };
  const views = {};
  const viewFor = (name) => (views[name] ??= builders[name]());
  const catalogs = new Map([[linked, loaded]]);

  // Another dataset has other years and genres: they are read (once) before its view is shown.
  async function show(state, previous) {
    if (previous && previous.dataset !== state.dataset) {
      if (!catalogs.has(state.dataset)) catalogs.set(state.dataset, await loadCatalog(state.dataset));
      if (store.state !== state) return; // A newer change is on its way.
      const next = catalogs.get(state.dataset);
      applyCatalog(next);
      loaded = next;
      views.trends?.setGenres(next.genres);
    }
    controls.show(state);
    return showView(viewFor(state.view), state, previous);
  }

  store.subscribe((state, previous) => show(state, previous));
  wireNavigation(store);
  // Building the linked view and taking its answer is short (under 10 ms of CPU): one task, so no frame or other
  // task comes between the catalog's answer and the first chart's own task (the view's render).
  viewFor(store.state.view);
  markOnce('views-built');
  markOnce('first-view-started');
  const firstView = show(store.state, null);
  // The rest of the page waits for the first chart. An answer that has arrived may not have been read yet:
  // reading it is a network task of ordinary priority, which the page's prioritized yields would keep waiting
  // while the other view and the chat were built. One still on its way holds the rest back only briefly.
  await Promise.race([firstView, new Promise((resolve) => setTimeout(resolve, FIRST_CHART_HEAD_START_MS))]);
  await yieldToMain();
  for (const name of Object.keys(builders)) viewFor(name);
  await yieldToMain();
  createChatPanel(store);
  markOnce('page-built');
  await firstView;
  // A first request the view did not take (the catalog moved the default years) must not answer a later one.
  dropPrefetched();

  /** The view says what was wrong with the link; the default dataset's catalog stands in for it. */
  const sayBadLink = (error) => {
    const status = document.getElementById(`${store.state.view}-status`);
    status.textContent = `The link's dataset cannot be shown: ${describeError(error)} Pick one from the Dataset list.`;
  };
  if (badLink) sayBadLink(badLink);
  if (failure) {
    // Started after the first chart, which never waits for it; the page takes the catalog whenever it comes.
    recoverCatalog(catalogDataset, failure, sayBadLink, (recovered) => {
      catalogs.set(linked, recovered);
      if ((store.state.dataset ?? null) !== (linked ?? null)) return; // Another dataset's catalog is on screen.
      applyCatalog(recovered);
      loaded = recovered;
      controls.setDatasets(recovered.datasets);
      views.trends?.setGenres(recovered.genres);
    });
  }
}

async function fetchCatalog(dataset) {
  const data = await graphql(CATALOG_QUERY, { dataset });
  return {
    catalog: data.catalog,
    genres: data.genres.toSorted((a, b) => b.movieCount - a.movieCount),
    datasets: data.datasets,
  };
}

async function loadCatalog(dataset) {
  try {
    return await fetchCatalog(dataset);
  } catch (error) {
    return { catalog: null, genres: [], datasets: [], failure: error };
  }
}

/**
 * A catalog whose first answer was a wait (the dataset still loading, the service busy) is asked for again like
 * a view's data (wait-retry.js); one that failed for good gets a button to ask again. `take` gets it when it comes.
 * A busy service answers before it looks at the dataset, so a link's unknown dataset may show only on a later
 * try: then `unknownDataset` hears of it and the default dataset's catalog is asked for in its place.
 */
function recoverCatalog(linkedDataset, failure, unknownDataset, take) {
  let dataset = linkedDataset;
  async function fetchStandingIn() {
    try {
      return await fetchCatalog(dataset);
    } catch (error) {
      if (dataset == null || error.code !== 'UNKNOWN_DATASET') throw error;
      unknownDataset(error);
      dataset = null;
      return fetchCatalog(dataset);
    }
  }

  let failed = failure;
  let asking = false;
  const notice = createCatalogNotice(() => {
    if (asking) return; // Pressed again while the catalog is on its way.
    failed = null;
    notice.loading();
    attempt();
  });
  async function attempt() {
    asking = true;
    try {
      const recovered = await untilNoWait(fetchStandingIn, { failed, onWait: notice.waiting });
      take(recovered);
      notice.done();
    } catch (error) {
      notice.failed(error);
    } finally {
      asking = false;
    }
  }
  attempt();
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

function showView(view, state, previous) {
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
  return view.show(state);
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
