// Two answers are a wait, not a failure: a dataset the service is still reading into memory (DATA_LOADING,
// after a start or an import) and a service answering as many requests as it admits (SERVER_BUSY). The view
// asks again by itself after the server's Retry-After, a bounded number of times.

/** Enough for the longest first read (a million movies take up to about 25 s) with room to spare. */
export const MAX_AUTOMATIC_RETRIES = 6;

// Why the page waits, per code, and how long when the server sends no Retry-After.
const waits = {
  DATA_LOADING: {
    defaultSeconds: 5,
    reason: (error) => `The server is still loading ${error.dataset ? `the dataset ${error.dataset}` : 'the dataset'}`,
  },
  SERVER_BUSY: {
    defaultSeconds: 2,
    reason: () => 'The service is busy answering other requests',
  },
};

/** Whether the error is one the page waits out (and asks again) rather than a failure. */
export function isWait(error) {
  return Object.hasOwn(waits, error?.code ?? '');
}

/** The wait the error asks for, in whole seconds (at least one). */
export function waitSeconds(error) {
  return Math.max(1, Math.ceil(error.retryAfter ?? waits[error.code]?.defaultSeconds ?? 5));
}

/** "The server is still loading the dataset tmdb-5000", "The service is busy answering other requests". */
export function waitReason(error) {
  return waits[error.code].reason(error);
}

export function retryingMessage(error, seconds) {
  return `${waitReason(error)}; retrying in ${seconds} s.`;
}

/** `button` is the name of the button that asks again. */
export function gaveUpMessage(error, button = 'Retry') {
  return `${waitReason(error)}. Press ${button} to try again.`;
}

/**
 * Calls `retry()` once the wait is over; returns a function that calls it off (a newer request, Back, or
 * Retry pressed early). The message is not counted down: the status is a live region, and a screen reader
 * would read every second out.
 */
export function retryAfterWait(seconds, retry) {
  const timer = setTimeout(retry, seconds * 1000);
  return () => clearTimeout(timer);
}

/**
 * For a request that has no result panel (the catalog, the pinned second filter): calls `attempt()` until it
 * answers or fails otherwise than with a wait, waiting out at most MAX_AUTOMATIC_RETRIES waits in a row, each
 * for the server's Retry-After. `failed` is an answer already received (a request sent before this loop), taken
 * as the first; `onWait(error, seconds)` hears of each wait; `signal` calls the loop off (it then rejects with
 * the signal's reason). Resolves to the answer; rejects with the failure, a wait when the retries are spent.
 */
export async function untilNoWait(attempt, { failed = null, onWait = () => {}, signal } = {}) {
  let error = failed;
  for (let waits = 0; ; waits += 1) {
    if (error) {
      if (!isWait(error) || waits >= MAX_AUTOMATIC_RETRIES) throw error;
      const seconds = waitSeconds(error);
      onWait(error, seconds);
      await waitOut(seconds, signal);
    }
    try {
      return await attempt();
    } catch (caught) {
      if (signal?.aborted) throw caught;
      error = caught;
    }
  }
}

function waitOut(seconds, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const callOff = retryAfterWait(seconds, resolve);
    signal?.addEventListener('abort', () => {
      callOff();
      reject(signal.reason);
    }, { once: true });
  });
}

/**
 * A Retry button, hidden until wanted, for a request that has no result panel of its own (the catalog, the pinned
 * second filter): `label` names what it asks for again, `retry` asks.
 */
export function createRetryButton(label, retry) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'retry';
  button.textContent = label;
  button.hidden = true;
  button.addEventListener('click', () => retry());
  return button;
}
