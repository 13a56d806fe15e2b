// What the genre-trends view shows, in one line: the heading, the chart's accessible name, the table's caption
// and the PNG's title all say it the same way.

import { isCountMeasure, measureOf } from './measures.js';
import { filterInWords } from './filter-words.js';
import { groupSize } from './year-groups.js';

/** "Median budget (US$) per genre, 2000–2010 · English · ≥ 100 votes" for a state of the view. */
export function trendsTitle(state) {
  const words = filterInWords(state.filter);
  return `${measureWords(state)}, ${span(state.from, state.to)}${words ? ` · ${words}` : ''}`;
}

function measureWords(state) {
  if (!isCountMeasure(state.measure)) return `${measureOf(state.measure).title} per genre per year`;
  // Counts are summed into groups of years on long ranges (js/year-groups.js).
  const size = state.from <= state.to ? groupSize(state.from, state.to) : 1;
  const per = size > 1 ? `per ${size} years` : 'per year';
  if (state.mode !== 'share') return `Movies per genre ${per}`;
  return `${state.genres ? 'Share of the movies in each genre' : 'Share of each genre'} ${per} (%)`;
}

function span(from, to) {
  return from === to ? String(from) : `${from}–${to}`;
}
