import { readState, toSearch } from './url-state.js';

/**
 * Holds the page state and keeps the URL in step with it. Views subscribe to changes. Every change the
 * person makes (view, range, genres, mode, display, year, movie) pushes a history entry, so Back undoes it
 * and Forward redoes it; Back and Forward restore the state from the URL (`restoreFromUrl`).
 */
export function createStore(defaults) {
  let state = readState(location.search, defaults);
  const listeners = new Set();

  function notify(previous) {
    for (const listener of listeners) listener(state, previous);
  }

  return {
    get state() { return state; },
    subscribe(listener) { listeners.add(listener); },
    update(changes, { push = true } = {}) {
      const previous = state;
      state = { ...state, ...changes };
      const search = toSearch(state);
      if (search !== location.search) {
        history[push ? 'pushState' : 'replaceState'](null, '', search);
      }
      notify(previous);
    },
    restoreFromUrl() {
      const previous = state;
      state = readState(location.search, defaults);
      notify(previous);
    },
  };
}
