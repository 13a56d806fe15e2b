// The genre-trends request, shared by the view and the boot script's first request (js/first-request.js).

import { filterVariable } from './url-state.js';

export const TRENDS_QUERY = `query GenreTrends($from: Int!, $to: Int!, $genres: [String!], $measure: TrendMeasure!, $filter: MovieFilter, $dataset: ID) {
  genreTrends(from: $from, to: $to, genres: $genres, measure: $measure, filter: $filter, dataset: $dataset) {
    from to years totals measure series { genre counts total values known }
  }
}`;

/** The query's variables for a state; the page's first request is sent with these before the view exists. */
export function trendsVariables(state) {
  return {
    from: state.from,
    to: state.to,
    genres: state.genres,
    measure: state.measure ?? 'MOVIES',
    filter: filterVariable(state.filter),
    dataset: state.dataset ?? null,
  };
}
