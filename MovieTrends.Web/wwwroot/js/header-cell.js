/** A table header cell for a column (`scope` 'col') or a row ('row'), so screen readers announce what a number is. */
export function headerCell(text, scope) {
  const th = document.createElement('th');
  th.scope = scope;
  th.textContent = text;
  return th;
}
