// Long ranges grouped into 5-, 10- or 25-year bars, so a bar stays wide enough to read and to point at.

/** Most bars a chart draws before years are grouped: past about 40, stacked bars get thinner than a label. */
export const MAX_BARS = 40;
const GROUP_SIZES = [1, 5, 10, 25];

/** Years per bar for a range: 1 while every year fits, else the smallest of 5, 10 or 25 that does. */
export function groupSize(from, to) {
  return GROUP_SIZES.find((size) => groupCount(from, to, size) <= MAX_BARS) ?? GROUP_SIZES.at(-1);
}

/**
 * The result with its years summed into groups aligned on multiples of `size` (1920–1924, 1925–1929, ...;
 * the first and last groups end at the range). Each year's movies are distinct from every other year's, so
 * a group's distinct movies are the sum of its years' `totals`, and its counts the sum of its years' counts.
 * `years` become labels ("1920–1924"); `groups` keeps each group's first and last year for the CSV.
 */
export function groupYears(trends, size) {
  if (size === 1) return { ...trends, groupSize: 1, groups: trends.years.map((year) => ({ first: year, last: year })) };
  const groups = [];
  trends.years.forEach((year, i) => {
    const start = Math.floor(year / size) * size;
    if (groups.at(-1)?.start !== start) groups.push({ start, first: year, last: year, indexes: [] });
    const group = groups.at(-1);
    group.last = year;
    group.indexes.push(i);
  });
  const sum = (values, indexes) => indexes.reduce((total, i) => total + values[i], 0);
  return {
    ...trends,
    groupSize: size,
    groups: groups.map(({ first, last }) => ({ first, last })),
    years: groups.map((g) => (g.first === g.last ? String(g.first) : `${g.first}–${g.last}`)),
    totals: groups.map((g) => sum(trends.totals, g.indexes)),
    series: trends.series.map((s) => ({ ...s, counts: groups.map((g) => sum(s.counts, g.indexes)) })),
  };
}

function groupCount(from, to, size) {
  return Math.floor(to / size) - Math.floor(from / size) + 1;
}
