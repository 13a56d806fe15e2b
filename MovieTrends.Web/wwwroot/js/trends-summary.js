import { plural } from './plural.js';

/**
 * The one-line summary above the chart. `totals` counts every dated movie of a year whatever its genres,
 * so it is the headline only when every genre is shown. For a subset the API gives per-genre counts only,
 * and a movie in two of the chosen genres is in both: their sum is stated as genre listings, not movies,
 * next to the catalog's movies of the range.
 */
export function trendsSummary(trends, subset) {
  const range = `${trends.from}–${trends.to}`;
  const movies = plural(trends.totals.reduce((a, b) => a + b, 0), 'movie');
  if (!subset) return `${range}: ${movies}, ${plural(trends.series.length, 'genre')}.`;
  const listings = trends.series.reduce((sum, s) => sum + s.total, 0);
  return `${range}, ${plural(trends.series.length, 'chosen genre')}: ${plural(listings, 'genre listing')} `
    + `(a movie counts once in each of its genres), out of ${movies} in all genres.`;
}
