// What to tell a person for each error code the API returns (see the GraphQL contract).

import { catalogYears } from './catalog-years.js';
import { CATALOG_LIMITS } from './catalog-limits.js';
import { MEASURES } from './measures.js';
import { waitReason, waitSeconds } from './wait-retry.js';

const messages = {
  INVALID_RANGE: () => 'The start year must not be after the end year. Swap them or pick another range.',
  RANGE_TOO_LARGE: () => `That range is too long: choose at most ${CATALOG_LIMITS.maxRangeYears} years.`,
  // The API accepts a much wider window, but only the catalog's years hold movies: name those when they are known.
  YEAR_OUT_OF_RANGE: () => {
    const years = catalogYears();
    return years
      ? `Choose years from ${years.first} to ${years.last}: the catalog covers those.`
      : `Years must be between ${CATALOG_LIMITS.firstYear} and ${CATALOG_LIMITS.lastYear}.`;
  },
  INVALID_LIMIT: () => `The number of movies must be between ${CATALOG_LIMITS.minLimit} and ${CATALOG_LIMITS.maxLimit}.`,
  UNKNOWN_GENRE: (error) => error.message,
  TIMEOUT: (error) => error.message,
  NETWORK: (error) => error.message,
  MISSING_YEAR: () => 'Enter a year as a whole number, e.g. 2010.',
  NO_GENRE: () => 'Choose at least one genre.',
  // The API names the field and the bound to fix.
  INVALID_FILTER: (error) => `Check the filter: ${error.message}`,
  FILTER_UNAVAILABLE: (error) => `This dataset cannot filter that way: ${error.message}`,
  // The API names measures as the schema does (MEDIAN_BUDGET); a person reads the picker's words.
  MEASURE_UNAVAILABLE: (error) => `This dataset cannot answer that measure: ${measuresInWords(error.message)}`,
  UNKNOWN_DATASET: (error) => error.message,
  // The service is still reading the dataset after a start or an import: a wait, not a failure.
  DATA_LOADING: (error) => `${waitReason(error)}; try again in a few seconds.`,
  // Nothing was executed: the same request may be sent again once the server's Retry-After is over.
  SERVER_BUSY: (error) => `${waitReason(error)}; try again in ${waitSeconds(error)} s.`,
};

function measuresInWords(text) {
  return text.replace(/\b[A-Z][A-Z_]*[A-Z]\b/g, (name) => (name === 'SHARE' ? 'share of year' : MEASURES[name]?.label.toLowerCase() ?? name));
}

/** A message that says what to fix, for a GraphQLError (or any Error). */
export function describeError(error) {
  const describe = messages[error?.code];
  if (describe) return describe(error);
  return error?.message ? `Something went wrong: ${error.message}` : 'Something went wrong. Try again.';
}

/** Codes that point at what the person typed, so the inputs are marked invalid. */
export const inputErrorCodes = new Set(['INVALID_RANGE', 'RANGE_TOO_LARGE', 'YEAR_OUT_OF_RANGE', 'UNKNOWN_GENRE', 'MISSING_YEAR', 'NO_GENRE', 'INVALID_LIMIT',
  'INVALID_FILTER', 'FILTER_UNAVAILABLE', 'MEASURE_UNAVAILABLE', 'UNKNOWN_DATASET']);
