// A <details> element closes only from its summary. Used as a popup (the genre picker) it should also close
// on Escape, returning focus to its summary, and on a click anywhere outside it, as other popups do.

export function closeOnEscapeOrOutsideClick(details) {
  const summary = details.querySelector('summary');
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    details.open = false;
    summary.focus();
  });
  document.addEventListener('click', (event) => {
    if (details.open && !details.contains(event.target)) details.open = false;
  });
}
