import { closeOnEscapeOrOutsideClick } from './dismissable-details.js';
import { describeFilter } from './filter-words.js';
import { formatNumber } from './number-format.js';
import { unreadLinkFields } from './link-fields.js';

/** Filter fields as the API names them (`Dataset.filters`), with the input that sets each and what it needs. */
const FILTER_FIELDS = [
  { field: 'languages', input: 'filter-languages', note: 'filter-languages-note', hint: 'ISO 639-1 codes, separated by commas', data: 'original languages' },
  { field: 'minVotes', input: 'filter-min-votes', note: 'filter-min-votes-note', hint: '', data: 'vote counts' },
  { field: 'minRating', input: 'filter-min-rating', note: 'filter-min-rating-note', hint: '0–10; movies without votes never pass', data: 'ratings' },
  { field: 'releasedOnly', input: 'filter-released', note: 'filter-released-note', hint: '', data: 'release status' },
];

let datasets = [];

/** The dataset a state names, or the default one; null before the list is known. */
export function datasetOf(state) {
  return datasets.find((d) => d.id === state.dataset) ?? datasets.find((d) => d.isDefault) ?? null;
}

/**
 * The dataset switcher and the movie filter, shared by both views. What the chosen dataset cannot answer is
 * disabled with the reason next to it, not hidden, so a person sees what another dataset would offer.
 */
export function createAnalysisControls(store, list) {
  const form = document.getElementById('analysis-form');
  const select = document.getElementById('dataset');
  const datasetNote = document.getElementById('dataset-note');
  const summary = document.getElementById('filter-summary');
  const picker = document.getElementById('filter-picker');
  const linkNote = document.getElementById('link-note');
  closeOnEscapeOrOutsideClick(picker);

  setDatasets(list);

  /** The switcher's datasets; empty (the form hidden) while the catalog has not come. */
  function setDatasets(next) {
    datasets = next;
    select.replaceChildren(...datasets.map((dataset) =>
      new Option(`${dataset.name} (${formatNumber(dataset.movieCount)} movies, ${dataset.firstYear}–${dataset.lastYear})`, dataset.id)));
    form.hidden = datasets.length === 0;
  }

  select.addEventListener('change', () => {
    const next = datasets.find((d) => d.id === select.value);
    if (!next) return;
    // What the new dataset cannot answer is dropped rather than refused: the note says what it lacks.
    const state = store.state;
    const filter = Object.fromEntries(Object.entries(state.filter ?? {}).filter(([field]) => next.filters.includes(field)));
    store.update({
      dataset: next.isDefault ? null : next.id,
      measure: next.measures.includes(state.measure) ? state.measure : 'MOVIES',
      filter,
      drill: null,
      movie: null,
    });
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    picker.open = false;
    store.update({ filter: readForm(), drill: null, movie: null });
  });
  document.getElementById('filter-clear').addEventListener('click', () => {
    picker.open = false;
    store.update({ filter: {}, drill: null, movie: null });
  });

  function readForm() {
    const filter = {};
    const dataset = datasetOf(store.state);
    const enabled = (field) => dataset?.filters.includes(field) ?? true;
    const languages = document.getElementById('filter-languages').value.split(/[\s,]+/).map((l) => l.toLowerCase()).filter(Boolean);
    const minVotes = document.getElementById('filter-min-votes').value.trim();
    const minRating = document.getElementById('filter-min-rating').value.trim();
    if (enabled('languages') && languages.length) filter.languages = languages;
    // The API checks the bounds and names what to fix (INVALID_FILTER); the page only reads numbers.
    if (enabled('minVotes') && minVotes !== '') filter.minVotes = Number(minVotes);
    if (enabled('minRating') && minRating !== '') filter.minRating = Number(minRating);
    if (enabled('releasedOnly') && document.getElementById('filter-released').checked) filter.releasedOnly = true;
    return filter;
  }

  /** Brings the controls in line with the state. */
  function show(state) {
    // The link is rewritten from the state at the next change, so the note lasts until then.
    const unread = unreadLinkFields(location.search);
    linkNote.hidden = unread.length === 0;
    linkNote.textContent = unread.length ? `Left out of the link, so the defaults apply: ${unread.join('; ')}.` : '';
    const dataset = datasetOf(state);
    if (!dataset) return;
    select.value = dataset.id;
    const missing = FILTER_FIELDS.filter((f) => !dataset.filters.includes(f.field)).map((f) => f.data);
    datasetNote.textContent = missing.length ? `No ${missing.join(', ')} in this dataset` : '';
    const filter = state.filter ?? {};
    for (const { field, input, note, hint } of FILTER_FIELDS) {
      const element = document.getElementById(input);
      const available = dataset.filters.includes(field);
      element.disabled = !available;
      document.getElementById(note).textContent = available ? hint : `Not available: ${dataset.name} has no ${FILTER_FIELDS.find((f) => f.field === field).data}`;
      if (element.type === 'checkbox') element.checked = Boolean(filter[field]);
      else element.value = field === 'languages' ? (filter.languages ?? []).join(', ') : (filter[field] ?? '');
    }
    summary.textContent = describeFilter(filter);
  }

  return {
    show,
    /** A catalog that came late (see app.js): the switcher and the filter's notes follow it. */
    setDatasets(next) {
      setDatasets(next);
      show(store.state);
    },
  };
}
