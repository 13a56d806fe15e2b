import { prefetch } from './graphql.js';
import { readState } from './url-state.js';
import { markOnce } from './boot-marks.js';
import { TRENDS_QUERY, trendsVariables } from './trends-query.js';
import { POPULARITY_QUERY, popularityVariables } from './popularity-query.js';
import { CATALOG_QUERY, FIRST_CHOICES, PREFERRED } from './first-view.js';

// The boot script (a classic script the build writes into the top of index.html's head): the first view's data and
// the catalog are asked for while the HTML is still being read, before the page's own script has arrived.
// Nothing on the page imports this module; the page takes the answers from graphql.js's early-answer store.

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
