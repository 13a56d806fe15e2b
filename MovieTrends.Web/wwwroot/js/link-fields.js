// What a link asked for that the page could not read: each such field falls back to its default (js/url-state.js),
// and a note says which and what was expected, rather than dropping it silently.

import { measures, orders, readState } from './url-state.js';

const EXPECTED = {
  view: 'trends or popularity',
  from: 'a year, e.g. 2000',
  to: 'a year, e.g. 2010',
  year: 'a year, e.g. 2010',
  mode: 'counts or share',
  display: 'chart or table',
  limit: 'a whole number from 1 to 50',
  dataset: 'a dataset id, e.g. tmdb-top10k',
  movie: 'a TMDB movie id',
  measure: `one of ${measures.join(', ')}`,
  minVotes: 'a whole number',
  minRating: 'a number from 0 to 10',
  order: `one of ${orders.join(', ')}`,
  compare: 'two different genres, e.g. Drama,Comedy',
  drill: 'a genre and years, e.g. Drama:2000-2004',
};

/** "measure=FOO (expected one of MOVIES, …)" for each field of `search` that was left out. */
export function unreadLinkFields(search) {
  const params = new URLSearchParams(search);
  // No defaults: a field that could not be read comes out null.
  const read = readState(search, {});
  const value = {
    ...read,
    minVotes: read.filter.minVotes,
    minRating: read.filter.minRating,
    measure: read.measure === params.get('measure') ? read.measure : null,
    order: read.order === params.get('order') ? read.order : null,
    limit: read.limit === Number(params.get('limit')) ? read.limit : null,
  };
  return Object.keys(EXPECTED)
    .filter((field) => params.has(field) && value[field] == null)
    .map((field) => `${field}=${params.get(field)} (expected ${EXPECTED[field]})`);
}
