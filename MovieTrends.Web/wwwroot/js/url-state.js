// The view's state lives in the query string, so a shared link restores exactly what was on screen.

export const views = ['trends', 'popularity'];
const modes = ['counts', 'share'];
const displays = ['chart', 'table'];
/** Movies per popularity list when the link names none; a link only carries another number. */
export const defaultLimit = 5;

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
  return '?' + params.toString().replaceAll('%2C', ',');
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
