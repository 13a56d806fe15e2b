/**
 * Makes a group of buttons one Tab stop: the current button has tabindex 0, the others -1, and the arrow
 * keys, Home and End move between them (the ARIA "roving tabindex" pattern). Call again after the buttons change.
 */
export function rovingFocus(group, current = 0) {
  const buttons = [...group.querySelectorAll('button')];
  buttons.forEach((button, index) => { button.tabIndex = index === Math.min(current, buttons.length - 1) ? 0 : -1; });
  group.onkeydown = (event) => {
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) return;
    const next = {
      ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1,
    }[event.key];
    if (next == null) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    for (const button of buttons) button.tabIndex = button === target ? 0 : -1;
    target.focus();
  };
  group.onfocusin = (event) => {
    if (!buttons.includes(event.target)) return;
    for (const button of buttons) button.tabIndex = button === event.target ? 0 : -1;
  };
}
