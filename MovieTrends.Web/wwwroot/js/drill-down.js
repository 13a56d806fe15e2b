import { graphql } from './graphql.js';
import { describeError } from './error-messages.js';
import { renderMovieDetails } from './movie-details.js';
import { formatPopularity } from './popularity-format.js';
import { plural } from './plural.js';
import { MOVIES_QUERY, moviesVariables } from './movies-query.js';
import { filterInWords } from './filter-words.js';
import { shortDollars } from './measures.js';

/**
 * The movies behind a bar, a legend entry or a table cell: a region under the chart with a heading, a live
 * count, a sort order, "More movies" paging by cursor and each movie's details card. The list is in the URL
 * (`drill`, `order`, `movie`), so Back closes it. Escape or "Close list" closes it and focus goes back to
 * what opened it. A page that fails to load says why, and a button loads it again.
 */
export function createDrillDown(store) {
  const region = document.getElementById('drill');
  const title = document.getElementById('drill-title');
  const count = document.getElementById('drill-count');
  const order = document.getElementById('drill-order');
  const list = document.getElementById('drill-list');
  const more = document.getElementById('drill-more');
  const retry = document.getElementById('drill-retry');
  const details = document.getElementById('drill-details');
  let opener = null;
  let loadedKey = null;
  let movies = [];
  let cursor = null;
  let request = null;

  order.addEventListener('change', () => store.update({ order: order.value, movie: null }));
  more.addEventListener('click', () => loadPage(store.state, cursor));
  // Asks again for the page that failed: the first, or the next one after those already listed.
  retry.addEventListener('click', () => loadPage(store.state, movies.length ? cursor : null));
  document.getElementById('drill-close').addEventListener('click', close);
  region.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });

  /** Opens the list of one genre (null: every genre) from..to; `from` is the element focus returns to. */
  function open(drill, origin) {
    opener = origin ?? null;
    store.update({ drill, movie: null });
    region.focus({ preventScroll: true });
    region.scrollIntoView({ block: 'nearest' });
  }

  function close() {
    store.update({ drill: null, movie: null });
    (opener?.isConnected ? opener : document.getElementById('trends-chart')).focus();
  }

  async function show(state) {
    if (!state.drill || state.view !== 'trends') {
      request?.abort();
      region.hidden = true;
      loadedKey = null;
      return;
    }
    region.hidden = false;
    order.value = state.order;
    const { genre, from, to } = state.drill;
    const span = from === to ? String(from) : `${from}–${to}`;
    title.textContent = `${genre ?? 'All genres'}, ${span}`;
    const key = JSON.stringify([state.drill, state.order, state.filter, state.dataset]);
    if (key !== loadedKey) {
      movies = [];
      list.replaceChildren();
      details.hidden = true;
      await loadPage(state, null);
      loadedKey = key;
    }
    renderSelection(state.movie);
  }

  async function loadPage(state, after) {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    region.setAttribute('aria-busy', 'true');
    more.disabled = true;
    retry.hidden = true;
    if (!after) count.textContent = 'Loading the movies…';
    try {
      const page = (await graphql(MOVIES_QUERY, moviesVariables(state, after), { signal: controller.signal })).movies;
      movies = [...movies, ...page.nodes];
      cursor = page.pageInfo.endCursor;
      appendMovies(page.nodes);
      more.hidden = !page.pageInfo.hasNextPage;
      const filter = filterInWords(state.filter);
      count.textContent = `${plural(page.totalCount, 'movie')}${filter ? ` (filter: ${filter})` : ''}; `
        + `showing ${movies.length}.`;
      count.dataset.total = String(page.totalCount);
    } catch (error) {
      if (controller.signal.aborted) return;
      count.textContent = describeError(error);
      more.hidden = true;
      // A busy service, a timeout or a dropped connection passes: the list can be asked for again in place.
      retry.hidden = false;
    } finally {
      if (request === controller) {
        region.setAttribute('aria-busy', 'false');
        more.disabled = false;
      }
    }
  }

  function appendMovies(nodes) {
    list.append(...nodes.map((movie) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.movieId = String(movie.id);
      button.setAttribute('aria-pressed', 'false');
      button.textContent = movie.year ? `${movie.title} (${movie.year})` : movie.title;
      button.addEventListener('click', () => {
        store.update({ movie: movie.id });
        details.focus({ preventScroll: true });
      });
      const value = document.createElement('span');
      value.className = 'value';
      value.textContent = orderValue(movie, store.state.order);
      item.append(button, value);
      return item;
    }));
  }

  function renderSelection(movieId) {
    for (const button of list.querySelectorAll('[data-movie-id]')) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.movieId) === movieId));
    }
    const movie = movies.find((m) => m.id === movieId);
    details.hidden = !movie;
    if (movie) renderMovieDetails(details, movie, 4);
  }

  return { open, show };
}

/** The figure the list is sorted by, next to each title. */
function orderValue(movie, order) {
  if (order === 'RATING_DESC') return movie.voteCount ? `${movie.voteAverage.toFixed(1)} / 10` : 'no votes';
  if (order === 'REVENUE_DESC') return movie.revenue ? shortDollars(movie.revenue) : 'revenue unknown';
  if (order === 'TITLE_ASC') return '';
  return formatPopularity(movie.popularity);
}
