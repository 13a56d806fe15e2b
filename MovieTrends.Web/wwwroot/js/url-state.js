// The view's state lives in the query string, so a shared link restores exactly what was on screen.

export const views = ['trends', 'popularity'];
const modes = ['counts', 'share'];
const displays = ['chart', 'table'];
/** Movies per popularity list when the link names none; a link only carries another number. */
export const defaultLimit = 5;
/** The measure of a link that names none: the number of movies, drawn as counts or shares (`mode`). */
export const defaultMeasure = 'MOVIES';
export const measures = ['MOVIES', 'AVERAGE_RATING', 'MEDIAN_RUNTIME', 'MEDIAN_BUDGET', 'MEDIAN_REVENUE', 'TOTAL_REVENUE', 'MEDIAN_ROI'];
/** The drill-down list's order of a link that names none. */
export const defaultOrder = 'POPULARITY_DESC';
export const orders = ['POPULARITY_DESC', 'RATING_DESC', 'REVENUE_DESC', 'TITLE_ASC'];

/** Reads the state from a query string; anything missing or malformed falls back to the defaults. */
export function readState(search, defaults) {
  const params = new URLSearchParams(search);
  const genres = params.get('genres');
  return {
    view: oneOf(params.get('view'), views, defaults.view),
    from: year(params.get('from'), defaults.from),
    to: year(params.get('to'), defaults.to),
    genres: genres ? genres.split(',').map((g) => g.trim()).filter(Boolean) : null,
    mode: oneOf(params.get('mode'), modes, defaults.mode),
    display: oneOf(params.get('display'), displays, defaults.display),
    year: year(params.get('year'), defaults.year),
    // Any whole number is kept, so one outside 1–50 is refused with a message rather than silently replaced.
    limit: year(params.get('limit'), defaultLimit),
    movie: movieId(params.get('movie')),
    // null: the API's default dataset, so a link without one follows whatever the server makes the default.
    dataset: datasetId(params.get('dataset')),
    measure: oneOf(params.get('measure'), measures, defaultMeasure),
    filter: readFilter(params),
    drill: readDrill(params.get('drill')),
    order: oneOf(params.get('order'), orders, defaultOrder),
    compare: readCompare(params.get('compare')),
    versus: readVersus(params),
  };
}

/** The query string for a state (genres omitted when all are shown, movie when none is selected). */
export function toSearch(state) {
  const params = new URLSearchParams();
  params.set('view', state.view);
  params.set('from', String(state.from));
  params.set('to', String(state.to));
  if (state.genres) params.set('genres', state.genres.join(','));
  params.set('mode', state.mode);
  params.set('display', state.display);
  params.set('year', String(state.year));
  if (state.limit !== defaultLimit) params.set('limit', String(state.limit));
  if (state.movie != null) params.set('movie', String(state.movie));
  if (state.dataset) params.set('dataset', state.dataset);
  if (state.measure && state.measure !== defaultMeasure) params.set('measure', state.measure);
  writeFilter(params, state.filter ?? {});
  if (state.drill) params.set('drill', `${state.drill.genre ?? ''}:${state.drill.from}-${state.drill.to}`);
  if (state.drill && state.order !== defaultOrder) params.set('order', state.order);
  if (state.compare) params.set('compare', state.compare.join(','));
  if (state.versus) {
    params.set('versus', state.versus.genre);
    writeFilter(params, state.versus.filter, 'versus');
  }
  return '?' + params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}

/**
 * The movie filter of a link (`lang`, `minVotes`, `minRating`, `released`). A field that is missing or not
 * a plain number is left out, so it does not filter; a number the API refuses is sent and its error shown.
 */
function readFilter(params, prefix = '') {
  const name = prefixed(prefix);
  const languages = params.get(name('lang'))?.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  const minVotes = params.get(name('minVotes'));
  const minRating = params.get(name('minRating'));
  const filter = {};
  if (languages?.length) filter.languages = languages;
  if (minVotes != null && /^\d{1,9}$/.test(minVotes.trim())) filter.minVotes = Number.parseInt(minVotes, 10);
  if (minRating != null && /^\d{1,2}(\.\d{1,2})?$/.test(minRating.trim())) filter.minRating = Number.parseFloat(minRating);
  if (params.get(name('released')) === '1') filter.releasedOnly = true;
  return filter;
}

function writeFilter(params, filter, prefix = '') {
  const name = prefixed(prefix);
  if (filter.languages?.length) params.set(name('lang'), filter.languages.join(','));
  if (filter.minVotes != null) params.set(name('minVotes'), String(filter.minVotes));
  if (filter.minRating != null) params.set(name('minRating'), String(filter.minRating));
  if (filter.releasedOnly) params.set(name('released'), '1');
}

/** `lang` as it is, or `versusLang` for the comparison's second filter. */
function prefixed(prefix) {
  return (field) => (prefix ? prefix + field[0].toUpperCase() + field.slice(1) : field);
}

/**
 * One genre under two filters (`versus=Drama&versusLang=fr`): the view's filter against this second one,
 * which may be empty (every movie).
 */
function readVersus(params) {
  const genre = params.get('versus')?.trim();
  return genre && genre.length <= 60 ? { genre, filter: readFilter(params, 'versus') } : null;
}

/** The API's MovieFilter for a state's filter, or null when it filters nothing. */
export function filterVariable(filter) {
  return filter && Object.keys(filter).length ? filter : null;
}

/** "Drama:2000-2004" (one genre) or ":2000-2004" (all genres). */
function readDrill(value) {
  const match = /^([^:]{0,60}):(\d{4})-(\d{4})$/.exec(value ?? '');
  if (!match) return null;
  return { genre: match[1] || null, from: Number(match[2]), to: Number(match[3]) };
}

function readCompare(value) {
  const genres = value?.split(',').map((g) => g.trim()).filter(Boolean) ?? [];
  return genres.length === 2 && genres[0] !== genres[1] ? genres : null;
}

function datasetId(value) {
  return value != null && /^[a-z0-9][a-z0-9-]{0,39}$/.test(value) ? value : null;
}

function year(value, fallback) {
  return value != null && /^-?\d{1,4}$/.test(value.trim()) ? Number.parseInt(value, 10) : fallback;
}

function movieId(value) {
  return value != null && /^\d{1,9}$/.test(value.trim()) ? Number.parseInt(value, 10) : null;
}

function oneOf(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}
