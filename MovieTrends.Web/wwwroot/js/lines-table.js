// The table under a comparison chart: a row per year (or group of years), a column per line.

import { headerCell } from './header-cell.js';

/** columns: [{ label, cell(rowIndex) }]; the table gets `id` and `caption`. */
export function renderLinesTable(container, { id, caption, labels, columns }) {
  const table = document.createElement('table');
  table.id = id;
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const text of ['Year', ...columns.map((c) => c.label)]) head.append(headerCell(text, 'col'));
  const body = table.createTBody();
  labels.forEach((label, i) => {
    const row = body.insertRow();
    row.append(headerCell(label, 'row'));
    for (const column of columns) row.insertCell().textContent = column.cell(i);
  });
  container.replaceChildren(table);
}
