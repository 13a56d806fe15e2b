import { describeError } from './error-messages.js';
import { createRetryButton, gaveUpMessage, isWait, waitReason } from './wait-retry.js';

const WHAT = 'the catalog (datasets, genres and year bounds)';
const RETRY = 'Retry the catalog';

/**
 * Where the page says that the catalog is late or missing, above both views, with a button that asks for it
 * again (`retry`). Made only when the catalog's first answer failed, so a healthy start adds nothing to the page.
 * The status line is a live region, in the page before its first message so that the message is read out.
 */
export function createCatalogNotice(retry) {
  const notice = document.createElement('div');
  notice.className = 'catalog-notice';
  notice.id = 'catalog-notice';
  const status = document.createElement('p');
  status.className = 'status';
  status.id = 'catalog-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const button = createRetryButton(RETRY, retry);
  notice.append(status, button);
  document.getElementById('link-note').after(notice);

  function say(message, kind, offerRetry) {
    status.textContent = message;
    status.dataset.kind = kind;
    button.hidden = !offerRetry;
  }

  return {
    /** Asked again by the button, which stays where it is (and keeps the focus) until the answer. */
    loading() {
      say(`Loading ${WHAT}…`, 'info', true);
    },
    waiting(error, seconds) {
      say(`${waitReason(error)}; asking for ${WHAT} again in ${seconds} s.`, 'info', false);
    },
    failed(error) {
      say(isWait(error)
        ? `${gaveUpMessage(error, RETRY)} Until then there is no dataset switcher, genre list or year bounds.`
        : `${capitalized(WHAT)} could not be loaded: ${describeError(error)} Press ${RETRY} to try again.`, 'error', true);
    },
    /** The catalog came (and is on the page): nothing is left to say. Focus on the button moves to the switcher. */
    done() {
      if (notice.contains(document.activeElement)) document.getElementById('dataset').focus();
      notice.remove();
    },
  };
}

function capitalized(text) {
  return text[0].toUpperCase() + text.slice(1);
}
