// A task that holds a slow phone's main thread past 50 ms delays input and counts as blocking time, so the first
// screen is built in phases with a yield between them: the browser paints and answers input in between.

/** Ends the current task; the caller goes on in a new one, ahead of other waiting work where supported. */
export function yieldToMain() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve));
}
