// Counts in sentences: "1 movie", "4,658 movies", grouped the same way everywhere on the page.

const number = new Intl.NumberFormat('en');

/** The count and its noun, singular for exactly one. */
export function plural(count, singular, pluralForm = `${singular}s`) {
  return `${number.format(count)} ${count === 1 ? singular : pluralForm}`;
}
