// One way to write a TMDB popularity, in the lists, the chart labels and the details card alike.
// Two decimals would print 0.006 as 0.01, so values under 1 keep two significant digits instead.
import { formatNumber, formatSignificant } from './number-format.js';

export function formatPopularity(value) {
  return Math.abs(value) < 1 ? formatSignificant(value, 2) : formatNumber(value, 2);
}
