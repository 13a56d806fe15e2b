// The drill-down request: one page of the movies behind a bar, a legend entry or a table cell.

import { filterVariable } from './url-state.js';
import { MOVIE_FIELDS } from './popularity-query.js';

/** Movies per page of the drill-down list ("More" asks for the next page with the cursor). */
export const PAGE_SIZE = 20;

export const MOVIES_QUERY = `query Movies($from: Int!, $to: Int!, $genre: String, $filter: MovieFilter, $orderBy: MovieOrder!, $first: Int!, $after: String, $dataset: ID) {
  movies(from: $from, to: $to, genre: $genre, filter: $filter, orderBy: $orderBy, first: $first, after: $after, dataset: $dataset) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${MOVIE_FIELDS} }
  }
}`;

export function moviesVariables(state, after = null) {
  const { drill } = state;
  return {
    from: drill.from,
    to: drill.to,
    genre: drill.genre,
    filter: filterVariable(state.filter),
    orderBy: state.order,
    first: PAGE_SIZE,
    after,
    dataset: state.dataset ?? null,
  };
}
