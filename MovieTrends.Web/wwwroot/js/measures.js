// What each measure of genreTrends is, for the picker, the axis, the headline, the table and the tooltips.

import { formatNumber } from './number-format.js';

const dollars = (v) => `$${formatNumber(v, 0)}`;
// Made when a money measure is first shown, not when the page starts: creating it loads the locale's data.
let compact = null;

/** US dollars in a few characters, as "$1.2B", for axis ticks and lists. */
export function shortDollars(v) {
  compact ??= new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
  return compact.format(v);
}

/**
 * `title` names the measure and its unit for headings (made from `label` and `unit`, which also head CSV
 * columns); `known` names what a movie needs for the value (the headline says how many movies had it); `format` is the
 * exact form (table, tooltip), `tick` the short one on the axis. Counts and shares are MOVIES, drawn as
 * stacked bars; every other measure is a line per genre, since averages and medians do not add up.
 */
export const MEASURES = {
  MOVIES: { label: 'Number of movies', title: 'Movies', axis: 'Movies', known: null, format: (v) => formatNumber(v), tick: (v) => formatNumber(v) },
  AVERAGE_RATING: {
    label: 'Average rating', unit: '0–10', axis: 'Average TMDB rating (0–10)', known: 'votes',
    format: (v) => v.toFixed(2), tick: (v) => v.toFixed(1),
  },
  MEDIAN_RUNTIME: {
    label: 'Median runtime', unit: 'minutes', axis: 'Median runtime (minutes)', known: 'a known runtime',
    format: (v) => `${formatNumber(v)} min`, tick: (v) => formatNumber(v),
  },
  MEDIAN_BUDGET: {
    label: 'Median budget', unit: 'US$', axis: 'Median budget (US$, nominal)', known: 'a known budget',
    format: (v) => dollars(v), tick: (v) => shortDollars(v),
  },
  MEDIAN_REVENUE: {
    label: 'Median revenue', unit: 'US$', axis: 'Median revenue (US$, nominal)', known: 'a known revenue',
    format: (v) => dollars(v), tick: (v) => shortDollars(v),
  },
  TOTAL_REVENUE: {
    label: 'Total revenue', unit: 'US$', axis: 'Total revenue (US$, nominal)', known: 'a known revenue',
    format: (v) => dollars(v), tick: (v) => shortDollars(v),
  },
  MEDIAN_ROI: {
    label: 'Median return on budget', unit: '× budget', axis: 'Median return on budget (× revenue ÷ budget)', known: 'a known budget and revenue',
    format: (v) => `${v.toFixed(2)}×`, tick: (v) => `${v.toFixed(1)}×`,
  },
};

// A value measure's title names its unit: "Median budget (US$)".
for (const measure of Object.values(MEASURES)) measure.title ??= `${measure.label} (${measure.unit})`;

/** A value column's header that says what its numbers are without the file's name: "Drama (median budget, US$)". */
export function valueColumn(genre, measure) {
  return `${genre} (${measure.label.toLowerCase()}, ${measure.unit})`;
}

export function measureOf(name) {
  return MEASURES[name] ?? MEASURES.MOVIES;
}

/** True for the measure drawn as stacked counts or shares; false for a value per genre drawn as lines. */
export function isCountMeasure(name) {
  return (name ?? 'MOVIES') === 'MOVIES';
}
