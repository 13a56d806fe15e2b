// The popularity request, shared by the view and the boot script's first request (js/first-request.js).

import { filterVariable } from './url-state.js';

export const MOVIE_FIELDS = 'id title releaseDate year popularity voteAverage voteCount genres overview tmdbUrl runtime budget revenue originalLanguage';

export const POPULARITY_QUERY = `query Popularity($year: Int!, $limit: Int!, $filter: MovieFilter, $dataset: ID) {
  popularity(year: $year, limit: $limit, filter: $filter, dataset: $dataset) {
    year movieCount
    top { ...movie }
    bottom { ...movie }
  }
}
fragment movie on Movie { ${MOVIE_FIELDS} }`;

/** The query's variables for a state; the page's first request is sent with these before the view exists. */
export function popularityVariables(state) {
  return { year: state.year, limit: state.limit, filter: filterVariable(state.filter), dataset: state.dataset ?? null };
}
