// Counts in sentences: "1 movie", "4,658 movies", grouped the same way everywhere on the page.

import { formatNumber } from './number-format.js';

/** The count and its noun, singular for exactly one. */
export function plural(count, singular, pluralForm = `${singular}s`) {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}
