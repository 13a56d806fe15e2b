// Pure transforms of a genreTrends result into what the chart, the table and the CSV show.

/**
 * Per year, each genre's share in percent. With every genre shown it is the share of the year's genre
 * assignments: a movie has several genres, so shares of `totals` (distinct movies) would stack past 100 %,
 * and the bars are normalised to the sum of the series (the tooltip adds the share of the year's movies).
 * With a subset that normalisation would rescale the chosen genres to 100 % (Horror alone would look like
 * most of a year), so each genre is a share of the year's distinct movies from `totals` instead.
 */
export function shareSeries(trends, subset = false) {
  if (subset) {
    return trends.series.map((s) => ({
      genre: s.genre,
      values: s.counts.map((count, i) => (trends.totals[i] === 0 ? 0 : round((count / trends.totals[i]) * 100, 2))),
    }));
  }
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

/** The numbers on screen for the chosen mode: counts, or shares in percent (see `shareSeries`). */
export function displayedSeries(trends, mode, subset = false) {
  return mode === 'share'
    ? shareSeries(trends, subset)
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
