// One way to write a TMDB popularity, in the lists, the chart labels and the details card alike.
// Two decimals would print 0.006 as 0.01, so values under 1 keep two significant digits instead.
const large = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const small = new Intl.NumberFormat('en', { maximumSignificantDigits: 2 });

export function formatPopularity(value) {
  return Math.abs(value) < 1 ? small.format(value) : large.format(value);
}
