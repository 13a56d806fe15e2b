import { describeError, inputErrorCodes } from './error-messages.js';

/**
 * The loading / ready / empty / error states of one view's result area. Errors about what the person
 * typed appear next to the inputs (and mark them invalid); others appear where the result would be.
 * In every error state the chart is hidden, so a stale or half-drawn chart is never shown.
 */
export function createResultPanel({ result, status, fieldError, inputs }) {
  function setState(state, message = '', kind = 'info') {
    result.dataset.state = state;
    result.setAttribute('aria-busy', String(state === 'loading'));
    status.textContent = message;
    status.dataset.kind = kind;
  }

  function clearFieldError() {
    fieldError.hidden = true;
    fieldError.textContent = '';
    for (const input of inputs) input.removeAttribute('aria-invalid');
  }

  return {
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
        fieldError.textContent = message;
        fieldError.hidden = false;
        fieldError.dataset.code = error.code;
        for (const input of invalidInputs) input.setAttribute('aria-invalid', 'true');
        setState('error', '');
      } else {
        clearFieldError();
        setState('error', message, 'error');
      }
    },
  };
}
