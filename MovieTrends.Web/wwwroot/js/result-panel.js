import { graphql } from './graphql.js';
import { describeError, inputErrorCodes } from './error-messages.js';

/**
 * The loading / ready / empty / error states of one view's result area (elements `<view>-result`,
 * `<view>-status` and `<view>-error`). Errors about what the person typed appear next to the inputs (and
 * mark them invalid); others appear where the result would be. In every error state the chart is hidden,
 * so a stale or half-drawn chart is never shown. A failure that is not about the input (the network, a
 * timeout, the server) offers Retry, which calls `retry` to load the view again.
 */
export function createResultPanel(view, inputs, retry) {
  const result = document.getElementById(`${view}-result`);
  const status = document.getElementById(`${view}-status`);
  const fieldError = document.getElementById(`${view}-error`);
  const retryButton = document.getElementById(`${view}-retry`);
  let inFlight = null;
  retryButton.addEventListener('click', () => retry());

  function setState(state, message = '', kind = 'info') {
    result.dataset.state = state;
    result.setAttribute('aria-busy', String(state === 'loading'));
    status.textContent = message;
    status.dataset.kind = kind;
    retryButton.hidden = true;
  }

  function clearFieldError() {
    fieldError.hidden = true;
    fieldError.textContent = '';
    delete fieldError.dataset.code;
    for (const input of inputs) input.removeAttribute('aria-invalid');
  }

  const panel = {
    loading(message) {
      clearFieldError();
      setState('loading', message);
    },
    ready(message) {
      setState('ready', message);
    },
    empty(message) {
      setState('empty', message);
    },
    failed(error, invalidInputs = inputs) {
      const message = describeError(error);
      if (inputErrorCodes.has(error.code)) {
        clearFieldError();
        fieldError.textContent = message;
        fieldError.hidden = false;
        fieldError.dataset.code = error.code;
        for (const input of invalidInputs) input.setAttribute('aria-invalid', 'true');
        setState('error');
      } else {
        clearFieldError();
        setState('error', message, 'error');
        retryButton.hidden = false;
      }
    },
    /** Drops a request still in flight: the view went back to a result it already holds. */
    cancel() {
      inFlight?.abort();
      inFlight = null;
    },
    /**
     * Runs the view's query while showing the loading state. Only the latest call counts: it resolves to
     * null when a newer call replaced it, to `{ data }` on success, and to `{ error }` (already shown).
     */
    async load(loadingMessage, query, variables) {
      inFlight?.abort();
      const request = new AbortController();
      inFlight = request;
      panel.loading(loadingMessage);
      try {
        return { data: await graphql(query, variables, { signal: request.signal }) };
      } catch (error) {
        if (request.signal.aborted) return null;
        panel.failed(error);
        return { error };
      }
    },
  };
  return panel;
}
