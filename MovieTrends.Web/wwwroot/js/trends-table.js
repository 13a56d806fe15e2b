import { genreColor } from './genre-colors.js';
import { displayedSeries } from './trends-data.js';

const number = new Intl.NumberFormat('en');

/** The table view: one row per year, one column per genre, and the year's distinct movies. */
export function renderTrendsTable(container, trends, mode, subset) {
  const share = mode === 'share';
  const series = displayedSeries(trends, mode, subset);
  const table = document.createElement('table');
  table.id = 'trends-data-table';

  const caption = table.createCaption();
  caption.className = 'visually-hidden';
  caption.textContent = share
    ? `${subset ? 'Share of each year’s movies in each genre' : 'Share of each genre per year'} in percent, ${trends.from} to ${trends.to}`
    : `Movies per genre per year, ${trends.from} to ${trends.to}`;

  const headRow = table.createTHead().insertRow();
  headRow.append(header('Year', 'col'));
  for (const s of series) {
    const th = header(s.genre, 'col');
    th.style.borderBottom = `3px solid ${genreColor(s.genre)}`;
    headRow.append(th);
  }
  headRow.append(header('Movies (distinct)', 'col'));

  const body = table.createTBody();
  trends.years.forEach((year, i) => {
    const row = body.insertRow();
    row.append(header(String(year), 'row'));
    for (const s of series) row.insertCell().textContent = share ? `${s.values[i].toFixed(1)} %` : number.format(s.values[i]);
    row.insertCell().textContent = number.format(trends.totals[i]);
  });

  container.replaceChildren(table);
}

function header(text, scope) {
  const th = document.createElement('th');
  th.scope = scope;
  th.textContent = text;
  return th;
}
