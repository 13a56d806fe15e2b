import { genreColor } from './genre-colors.js';
import { displayedSeries } from './trends-data.js';
import { formatNumber } from './number-format.js';
import { headerCell } from './header-cell.js';

/** The table view: one row per year (or group of years), one column per genre, and the distinct movies. */
export function renderTrendsTable(container, trends, mode, subset, title) {
  const share = mode === 'share';
  const series = displayedSeries(trends, mode, subset);
  const table = document.createElement('table');
  table.id = 'trends-data-table';

  const caption = table.createCaption();
  caption.className = 'visually-hidden';
  const grouped = trends.groupSize > 1;
  caption.textContent = title;

  const headRow = table.createTHead().insertRow();
  headRow.append(headerCell(grouped ? `Years (groups of ${trends.groupSize})` : 'Year', 'col'));
  for (const s of series) {
    const th = headerCell(s.genre, 'col');
    th.style.borderBottom = `3px solid ${genreColor(s.genre)}`;
    headRow.append(th);
  }
  headRow.append(headerCell('Movies (distinct)', 'col'));

  const body = table.createTBody();
  trends.years.forEach((year, i) => {
    const row = body.insertRow();
    row.append(headerCell(String(year), 'row'));
    for (const s of series) row.insertCell().textContent = share ? `${s.values[i].toFixed(1)} %` : formatNumber(s.values[i]);
    row.insertCell().textContent = formatNumber(trends.totals[i]);
  });

  container.replaceChildren(table);
}
