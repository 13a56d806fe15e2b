// Markup that is not on the first screen (the chat, the drill-down list, the comparisons) waits in a <template>
// in index.html: the first frame's style and layout, which run before the page's script, skip it. It is put in
// place when its code is wired up, so nothing of it can be used before it works.

/** Replaces `<template data-deferred="name">` with its content, once; later calls do nothing. */
export function attachDeferredMarkup(name) {
  const template = document.querySelector(`template[data-deferred="${name}"]`);
  template?.replaceWith(template.content);
}
