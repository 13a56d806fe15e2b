// Pure transforms of a genreTrends result into what the chart, the table and the CSV show.

/**
 * Per year, each genre's share of that year's genre assignments, in percent. A movie has several genres,
 * so shares of `totals` (distinct movies) would stack past 100 %: the bars are normalised to the sum of
 * the series instead, and the tooltip adds the share of the year's movies from `totals`.
 */
export function shareSeries(trends) {
  const yearSums = trends.years.map((_, i) => trends.series.reduce((sum, s) => sum + s.counts[i], 0));
  return trends.series.map((s) => ({
    genre: s.genre,
    values: s.counts.map((count, i) => (yearSums[i] === 0 ? 0 : round((count / yearSums[i]) * 100, 2))),
  }));
}

/** Percentage of the year's distinct movies that belong to the genre. */
export function shareOfMovies(trends, seriesIndex, yearIndex) {
  const total = trends.totals[yearIndex];
  return total === 0 ? 0 : round((trends.series[seriesIndex].counts[yearIndex] / total) * 100, 1);
}

/** The numbers on screen for the chosen mode: counts, or shares in percent. */
export function displayedSeries(trends, mode) {
  return mode === 'share'
    ? shareSeries(trends)
    : trends.series.map((s) => ({ genre: s.genre, values: s.counts }));
}

/** True when no shown genre has a movie in the range (the chart would be blank). */
export function isEmpty(trends) {
  return trends.series.every((s) => s.total === 0);
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
