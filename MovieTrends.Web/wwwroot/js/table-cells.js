/**
 * Makes the data cells of a table open something: a click, or Enter or Space on the focused cell, calls
 * `onOpen(rowIndex, columnIndex, cell)` (body row, data column counted from 0 after the row header). The cells
 * are one Tab stop (a roving tabindex, as in a grid): the arrow keys, Home and End move between them.
 */
export function openableCells(table, onOpen) {
  const rows = [...table.tBodies[0].rows].map((row) => [...row.cells].filter((cell) => cell.tagName === 'TD'));
  if (!rows.length || !rows[0].length) return;
  let current = rows[0][0];
  for (const row of rows) for (const cell of row) {
    cell.tabIndex = cell === current ? 0 : -1;
    cell.classList.add('openable');
  }
  const where = (cell) => {
    const r = rows.findIndex((row) => row.includes(cell));
    return r < 0 ? null : [r, rows[r].indexOf(cell)];
  };
  const focus = (cell) => {
    current.tabIndex = -1;
    cell.tabIndex = 0;
    current = cell;
    cell.focus();
  };
  table.addEventListener('click', (event) => {
    const cell = event.target.closest('td');
    const at = cell && where(cell);
    if (at) {
      focus(cell);
      onOpen(at[0], at[1], cell);
    }
  });
  table.addEventListener('keydown', (event) => {
    const at = where(event.target);
    if (!at) return;
    const [r, c] = at;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(r, c, event.target);
      return;
    }
    const next = {
      ArrowRight: [r, c + 1], ArrowLeft: [r, c - 1], ArrowDown: [r + 1, c], ArrowUp: [r - 1, c],
      Home: [r, 0], End: [r, rows[r].length - 1],
    }[event.key];
    if (!next) return;
    event.preventDefault();
    const cell = rows[next[0]]?.[next[1]];
    if (cell) focus(cell);
  });
}
