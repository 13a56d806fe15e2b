import { prefetch } from './graphql.js';
import { readState } from './url-state.js';
import { markOnce } from './boot-marks.js';
import { TRENDS_QUERY, trendsVariables } from './trends-query.js';
import { POPULARITY_QUERY, popularityVariables } from './popularity-query.js';

// js/app.js's first import, so it runs first: the first view's data and the catalog are asked for as soon as
// the page's script starts, before the views are built.

export const CATALOG_QUERY = `query Catalog($dataset: ID) {
  catalog(dataset: $dataset) { firstYear lastYear } genres(dataset: $dataset) { name movieCount }
  datasets { id name movieCount firstYear lastYear measures filters isDefault }
}`;

/** Defaults inside the catalog's years (app.js moves them into a catalog that does not hold them). */
export const PREFERRED = { from: 1990, to: 2016, year: 2010 };
export const FIRST_CHOICES = { view: 'trends', mode: 'counts', display: 'chart' };

/**
 * Sends the request the first view will make, from the URL and the preferred defaults; the view takes its
 * answer (see `prefetch`). When the catalog's years move a default, the view asks again with its own.
 */
function requestFirstView(state) {
  if (state.view === 'popularity') prefetch(POPULARITY_QUERY, popularityVariables(state));
  else prefetch(TRENDS_QUERY, trendsVariables(state));
  markOnce('data-requested');
}

const linked = readState(location.search, { ...FIRST_CHOICES, ...PREFERRED });
requestFirstView(linked);
// The linked dataset's years and genres, with every dataset's measures and filters for the controls.
prefetch(CATALOG_QUERY, { dataset: linked.dataset });
