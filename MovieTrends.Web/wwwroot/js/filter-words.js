// The movie filter said in words, the one wording for headings, titles and status lines:
// "English, French · ≥ 100 votes · rating ≥ 7 · released only".

import { filterVariable } from './url-state.js';
import { formatNumber } from './number-format.js';

let languageNames = null;

/** A language's English name ("fr" → "French"), or the code itself when it has none. */
function languageName(code) {
  try {
    languageNames ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'code' });
    return languageNames.of(code) ?? code;
  } catch {
    return code; // Not a well-formed language code: the API says so next to the filter.
  }
}

/** The filter in words, or '' when it filters nothing. */
export function filterInWords(filter) {
  if (!filterVariable(filter)) return '';
  const parts = [];
  if (filter.languages?.length) parts.push(filter.languages.map(languageName).join(', '));
  if (filter.minVotes != null) parts.push(`≥ ${formatNumber(filter.minVotes)} votes`);
  if (filter.minRating != null) parts.push(`rating ≥ ${filter.minRating}`);
  if (filter.releasedOnly) parts.push('released only');
  return parts.join(' · ');
}

/** The filter in words for a status line, or "all movies" when it filters nothing. */
export function describeFilter(filter) {
  return filterInWords(filter) || 'all movies';
}
