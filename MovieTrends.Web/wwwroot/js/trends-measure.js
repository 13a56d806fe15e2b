// A measure other than the number of movies (rating, runtime, money, return on budget): one line per genre,
// gaps where no movie of the year had a known value, and everywhere the number of movies a value rests on.

import { genreColor } from './genre-colors.js';
import { measureOf } from './measures.js';
import { plural } from './plural.js';

import { formatNumber } from './number-format.js';
import { headerCell } from './header-cell.js';

/** The chart's data and scales; the caller adds the shared options. */
export function measureChart(trends, measureName, hiddenGenres) {
  const measure = measureOf(measureName);
  return {
    data: {
      labels: trends.years.map(String),
      datasets: trends.series.map((s) => ({
        label: s.genre,
        data: s.values,
        known: s.known,
        borderColor: genreColor(s.genre),
        backgroundColor: genreColor(s.genre),
        borderWidth: 2,
        pointRadius: 2,
        // A year without a known value is a gap in the line, not a zero.
        spanGaps: false,
        hidden: hiddenGenres.has(s.genre),
      })),
    },
    scales: {
      x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
      y: {
        beginAtZero: measureName !== 'AVERAGE_RATING',
        title: { display: true, text: measure.axis },
        ticks: { callback: (value) => measure.tick(value) },
      },
    },
    tooltip: (item) => {
      const series = trends.series[item.datasetIndex];
      return `${series.genre}: ${knownCell(series, item.dataIndex, measure)}`;
    },
  };
}

/** "6.52 (from 23 movies)", or that none of the year's movies had a value. */
export function knownCell(series, i, measure) {
  const value = series.values[i];
  if (value == null) return series.counts[i] === 0 ? 'no movies' : `no known value (${plural(series.counts[i], 'movie')})`;
  return `${measure.format(value)} (from ${plural(series.known[i], 'movie')})`;
}

/** The headline: what the measure is, and how many of the listings it rests on. */
export function measureSummary(trends, measureName) {
  const measure = measureOf(measureName);
  const listings = trends.series.reduce((sum, s) => sum + s.total, 0);
  const known = trends.series.reduce((sum, s) => sum + s.known.reduce((a, b) => a + b, 0), 0);
  const movies = trends.totals.reduce((a, b) => a + b, 0);
  return `${trends.from}–${trends.to}, ${measure.label.toLowerCase()}: from ${formatNumber(known)} of `
    + `${plural(listings, 'genre listing')} with ${measure.known} (a movie counts once in each of its genres); `
    + `${plural(movies, 'movie')} in all.`;
}

/** The table: a row per year, a column per genre, each cell the value and the movies it rests on. */
export function renderMeasureTable(container, trends, measureName, title) {
  const measure = measureOf(measureName);
  const table = document.createElement('table');
  table.id = 'trends-data-table';
  table.createCaption().textContent = `${title}; in brackets, the movies with ${measure.known}`;
  const head = table.createTHead().insertRow();
  head.append(headerCell('Year', 'col'));
  for (const s of trends.series) {
    const th = headerCell(s.genre, 'col');
    th.style.borderBottom = `3px solid ${genreColor(s.genre)}`;
    head.append(th);
  }
  head.append(headerCell('Movies (distinct)', 'col'));
  const body = table.createTBody();
  trends.years.forEach((year, i) => {
    const row = body.insertRow();
    row.append(headerCell(String(year), 'row'));
    for (const s of trends.series) {
      const cell = row.insertCell();
      cell.textContent = s.values[i] == null ? '–' : `${measure.format(s.values[i])} (${formatNumber(s.known[i])})`;
      if (s.values[i] == null) cell.title = knownCell(s, i, measure);
    }
    row.insertCell().textContent = formatNumber(trends.totals[i]);
  });
  container.replaceChildren(table);
}
