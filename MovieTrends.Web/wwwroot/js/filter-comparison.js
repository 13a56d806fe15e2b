import { graphql } from './graphql.js';
import { genreColor } from './genre-colors.js';
import { TRENDS_QUERY, trendsVariables } from './trends-query.js';
import { groupYears } from './year-groups.js';
import { isCountMeasure, measureOf } from './measures.js';
import { knownCell } from './trends-measure.js';
import { formatNumber } from './number-format.js';
import { plural } from './plural.js';
import { describeFilter } from './filter-words.js';
import { describeError, inputErrorCodes } from './error-messages.js';
import { createRetryButton, gaveUpMessage, isWait, retryingMessage, untilNoWait } from './wait-retry.js';
import { datasetOf } from './analysis-controls.js';
import { createLineFigure } from './line-figure.js';
import { renderLinesTable } from './lines-table.js';

const RETRY = 'Retry the comparison';

/**
 * One genre under two filters side by side (English against French, all movies against 1,000+ votes): the
 * view's filter as on screen, and a second filter asked for with the same years, measure and dataset. Counts
 * are the number of movies (summed into the chart's year groups on long ranges), whatever Counts/Share says:
 * two filters' shares would rest on two different totals. In the link as `versus=Drama&versusLang=fr`.
 */
export function createFilterComparison(store) {
  const form = document.getElementById('versus-form');
  const genreSelect = document.getElementById('versus-genre');
  const inputs = {
    languages: document.getElementById('versus-languages'),
    minVotes: document.getElementById('versus-min-votes'),
    minRating: document.getElementById('versus-min-rating'),
    releasedOnly: document.getElementById('versus-released'),
  };
  const unpin = document.getElementById('versus-clear');
  const error = document.getElementById('versus-error');
  const result = document.getElementById('versus-result');
  const status = document.getElementById('versus-status');
  const table = document.getElementById('versus-table');
  const lines = createLineFigure(document.getElementById('versus-chart'), document.getElementById('versus-figure'));
  let controller = null;
  let loaded = { key: null, answer: null };
  // What was last shown, for Retry: the state and the main chart's result.
  let shown = null;
  const retryButton = createRetryButton(RETRY, () => shown && show(...shown));
  retryButton.id = 'versus-retry';
  error.after(retryButton);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (genreSelect.value) store.update({ versus: { genre: genreSelect.value, filter: readForm() } });
  });
  unpin.addEventListener('click', () => store.update({ versus: null }));

  function readForm() {
    const filter = {};
    const languages = inputs.languages.value.split(/[\s,]+/).map((l) => l.toLowerCase()).filter(Boolean);
    if (!inputs.languages.disabled && languages.length) filter.languages = languages;
    // The API checks the bounds and names what to fix; the page only reads numbers.
    if (!inputs.minVotes.disabled && inputs.minVotes.value.trim() !== '') filter.minVotes = Number(inputs.minVotes.value);
    if (!inputs.minRating.disabled && inputs.minRating.value.trim() !== '') filter.minRating = Number(inputs.minRating.value);
    if (!inputs.releasedOnly.disabled && inputs.releasedOnly.checked) filter.releasedOnly = true;
    return filter;
  }

  /** `trends` is the main chart's result (years grouped as drawn); the first line is its genre's. */
  async function show(state, trends) {
    // Retry stays (with the focus) while it asks again; the answer or the next failure decides.
    shown = [state, trends];
    const genres = trends.series.map((s) => s.genre);
    fillForm(state, genres);
    unpin.hidden = !state.versus;
    const genre = state.versus?.genre;
    if (!genre) {
      clear();
      return;
    }
    if (!genres.includes(genre)) {
      clear();
      fail(`${genre} is not among the genres on the chart: choose it under Genres, or pick another genre to compare.`);
      return;
    }
    const variables = trendsVariables({ ...state, genres: [genre], filter: state.versus.filter });
    const key = JSON.stringify(variables);
    if (loaded.key !== key) {
      controller?.abort();
      controller = new AbortController();
      const signal = controller.signal;
      status.textContent = `Loading ${genre} under the second filter…`;
      error.hidden = true;
      result.hidden = false;
      try {
        // A dataset still loading or a busy service is waited out as the views do (wait-retry.js).
        const answer = (await untilNoWait(() => graphql(TRENDS_QUERY, variables, { signal }), {
          signal,
          onWait: (caught, seconds) => {
            status.textContent = retryingMessage(caught, seconds);
            retryButton.hidden = false;
          },
        })).genreTrends;
        if (signal.aborted) return;
        loaded = { key, answer };
      } catch (caught) {
        if (signal.aborted) return;
        clear();
        fail(isWait(caught) ? gaveUpMessage(caught, RETRY) : describeError(caught));
        // A filter the API refuses is fixed in the form; anything else may go through when asked again.
        retryButton.hidden = inputErrorCodes.has(caught.code);
        return;
      }
    }
    error.hidden = true;
    draw(state, trends, genre, groupYears(loaded.answer, trends.groupSize ?? 1));
    // Focus on Retry moves to what it brought, the comparison's table.
    if (document.activeElement === retryButton) table.focus();
    retryButton.hidden = true;
  }

  function draw(state, trends, genre, second) {
    const count = isCountMeasure(trends.measure);
    const measure = measureOf(trends.measure);
    const named = (filter) => `${genre} · ${describeFilter(filter)}`;
    const pair = [
      { label: named(state.filter), series: trends.series.find((s) => s.genre === genre), dashed: false },
      { label: named(state.versus.filter), series: second.series[0], dashed: true },
    ];
    result.hidden = false; // Before drawing: a painted chart takes the size of its frame.
    const axis = count ? (trends.groupSize > 1 ? `Movies per ${trends.groupSize} years` : 'Movies') : measure.axis;
    const cell = (p, i) => (count ? formatNumber(p.series.counts[i]) : knownCell(p.series, i, measure));
    lines.draw({
      labels: trends.years.map(String),
      lines: pair.map((p) => ({
        label: p.label,
        data: count ? p.series.counts : p.series.values,
        color: genreColor(genre),
        dashed: p.dashed,
        cell: (i) => cell(p, i),
      })),
      axis,
      tick: count ? (v) => formatNumber(v) : measure.tick,
      name: `Line chart: ${axis}, ${pair[0].label} (solid) and ${pair[1].label} (dashed), ${trends.from} to ${trends.to}. The table below lists the same numbers.`,
    });
    renderLinesTable(table, {
      id: 'versus-data-table',
      caption: `${genre} under two filters: ${axis}, ${trends.from} to ${trends.to}`,
      labels: trends.years.map(String),
      columns: pair.map((p) => ({ label: p.label, cell: (i) => cell(p, i) })),
    });
    const total = (p) => p.series.counts.reduce((a, b) => a + b, 0);
    status.textContent = `${pair[0].label}: ${plural(total(pair[0]), 'movie')}; ${pair[1].label}: ${plural(total(pair[1]), 'movie')}, ${trends.from}–${trends.to}.`;
  }

  function fillForm(state, genres) {
    if (genreSelect.options.length !== genres.length || [...genreSelect.options].some((o, i) => o.value !== genres[i])) {
      genreSelect.replaceChildren(...genres.map((genre) => new Option(genre, genre)));
    }
    const chosen = state.versus?.genre;
    genreSelect.value = genres.includes(chosen) ? chosen : genres[0] ?? '';
    // What the dataset cannot filter on is disabled, as in the view's own filter.
    const dataset = datasetOf(state);
    const filter = state.versus?.filter ?? {};
    for (const [field, input] of Object.entries(inputs)) {
      input.disabled = Boolean(dataset) && !dataset.filters.includes(field);
      if (input.type === 'checkbox') input.checked = Boolean(filter[field]);
      else input.value = field === 'languages' ? (filter.languages ?? []).join(', ') : (filter[field] ?? '');
    }
  }

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
  }

  function clear() {
    retryButton.hidden = true;
    controller?.abort();
    controller = null;
    lines.clear();
    table.replaceChildren();
    status.textContent = '';
    result.hidden = true;
    error.hidden = true;
  }

  return { show, clear };
}
