// A dataset the service is still reading into memory (DATA_LOADING, after a start or an import) is a wait,
// not a failure: the view asks again by itself after the server's Retry-After, a bounded number of times.

/** Enough for the longest first read (a million movies take up to about 25 s) with room to spare. */
export const MAX_AUTOMATIC_RETRIES = 6;

const DEFAULT_WAIT_SECONDS = 5;

/** The wait the error asks for, in whole seconds (at least one). */
export function waitSeconds(error) {
  return Math.max(1, Math.ceil(error.retryAfter ?? DEFAULT_WAIT_SECONDS));
}

/** "The server is still loading the dataset tmdb-5000" (the dataset the error names, if it names one). */
export function stillLoading(error) {
  return `The server is still loading ${error.dataset ? `the dataset ${error.dataset}` : 'the dataset'}`;
}

export function loadingMessage(error, seconds) {
  return `${stillLoading(error)}; retrying in ${seconds} s.`;
}

export function gaveUpMessage(error) {
  return `${stillLoading(error)}. Press Retry to try again.`;
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
