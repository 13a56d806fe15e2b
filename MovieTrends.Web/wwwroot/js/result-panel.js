import { graphql } from './graphql.js';
import { describeError, inputErrorCodes } from './error-messages.js';
import { MAX_AUTOMATIC_RETRIES, gaveUpMessage, isWait, retryAfterWait, retryingMessage, waitSeconds } from './wait-retry.js';

/**
 * The loading / ready / empty / error states of one view's result area (elements `<view>-result`,
 * `<view>-status` and `<view>-error`). Errors about what the person typed appear next to the inputs (and
 * mark them invalid); others appear where the result would be. In every error state the chart is hidden,
 * so a stale or half-drawn chart is never shown. A failure that is not about the input (the network, a
 * timeout, the server) offers Retry, which calls `retry` to load the view again. `inputsFor(code)` names
 * the inputs an API error is about when they are not `inputs` (a measure the dataset lacks is not the years'
 * fault); undefined keeps `inputs`. A dataset the server is
 * still loading (DATA_LOADING) or a service too busy to take the request (SERVER_BUSY) is retried by itself
 * after the server's Retry-After, a bounded number of times in a row, with Retry there all along.
 */
export function createResultPanel(view, inputs, retry, { inputsFor = () => undefined } = {}) {
  const result = document.getElementById(`${view}-result`);
  const status = document.getElementById(`${view}-status`);
  const fieldError = document.getElementById(`${view}-error`);
  const retryButton = document.getElementById(`${view}-retry`);
  let inFlight = null;
  // Not untilNoWait (wait-retry.js), which awaits and resends one request: each try here is the view's own `retry`
  // (its whole path, with its loading message), whose outcome comes back through `failed`, so the count lives here.
  // The pending automatic retry (a function that calls it off), and how many ran in a row.
  let callOff = null;
  let automaticRetries = 0;
  let retryingAutomatically = false;
  retryButton.addEventListener('click', () => {
    retryingAutomatically = false;
    retry();
  });

  function callOffAutomaticRetry() {
    callOff?.();
    callOff = null;
  }

  function waitAndRetry(error) {
    if (automaticRetries >= MAX_AUTOMATIC_RETRIES) {
      setState('error', gaveUpMessage(error), 'error');
      retryButton.hidden = false;
      return;
    }
    automaticRetries += 1;
    const seconds = waitSeconds(error);
    // Loading, not an error: nothing is wrong but time. No stale chart shows meanwhile, and Retry stays at hand.
    setState('loading', retryingMessage(error, seconds));
    retryButton.hidden = false;
    callOff = retryAfterWait(seconds, () => {
      callOff = null;
      // Taken by the next `loading`, which the view may reach only after awaiting something else.
      retryingAutomatically = true;
      retry();
    });
  }

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
      callOffAutomaticRetry();
      // A question the person asked (or Retry pressed) gets the whole round of automatic retries again.
      if (!retryingAutomatically) automaticRetries = 0;
      retryingAutomatically = false;
      clearFieldError();
      setState('loading', message);
    },
    ready(message) {
      automaticRetries = 0;
      setState('ready', message);
    },
    empty(message) {
      automaticRetries = 0;
      setState('empty', message);
    },
    failed(error, invalidInputs = inputsFor(error.code) ?? inputs) {
      callOffAutomaticRetry();
      const message = describeError(error);
      if (isWait(error)) {
        clearFieldError();
        waitAndRetry(error);
      } else if (inputErrorCodes.has(error.code)) {
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
      callOffAutomaticRetry();
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
