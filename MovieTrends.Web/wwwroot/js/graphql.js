// The one door to the data: /graphql on this origin (the server forwards it to the GraphQL service). Queries go as
// GET, as GraphQL over HTTP recommends: a bodiless request is the proxy's cheapest to forward (measured in
// bench/README.md). Mutations, which GET may not carry, and a query whose URL would pass MAX_GET_URL go as POST.

/**
 * A GraphQL error the page can explain: `code` is the API's extensions.code (or a transport code);
 * `retryAfter` the seconds the server's Retry-After asks to wait (null without one); `dataset` the
 * dataset an error names in its extensions (DATA_LOADING does).
 */
export class GraphQLError extends Error {
  constructor(message, code, status, { retryAfter = null, dataset = null } = {}) {
    super(message);
    this.name = 'GraphQLError';
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
    this.dataset = dataset;
  }
}

const DEFAULT_TIMEOUT_MS = 20000;

/** Longer URLs go as POST: well under the 8 KiB request line servers and proxies accept, and short in logs. */
const MAX_GET_URL = 2000;

const ACCEPT = 'application/graphql-response+json, application/json;q=0.9';

/**
 * Runs an operation and returns its data, or throws a GraphQLError carrying the API's error code.
 * `timeoutMs` bounds the whole request; `signal` lets a caller abandon a request that a newer one replaced.
 */
export async function graphql(query, variables = {}, { timeoutMs = DEFAULT_TIMEOUT_MS, signal } = {}) {
  const early = takePrefetched(query, variables);
  if (early) return signal ? abortable(early, signal) : early;
  return send(query, variables, timeoutMs, signal);
}

// The page's first requests, sent before the views exist (see `prefetch`), by their request body. The boot
// script (js/first-request.js) and the page's script each carry their own copy of this module, so the store is
// kept on the window, where both find the same one.
const prefetched = (globalThis[Symbol.for('movietrends.prefetched')] ??= new Map());

/**
 * Sends a request now, so that a later `graphql` call with the same query and variables gets its answer
 * instead of sending again. Used once, for the first view's data, so it does not wait for the catalog or
 * the chart library. Each answer is handed out once; `dropPrefetched` forgets the ones nobody asked for.
 */
export function prefetch(query, variables = {}) {
  const request = send(query, variables, DEFAULT_TIMEOUT_MS);
  request.catch(() => {}); // Reported to whoever takes it; one nobody takes must not be an unhandled rejection.
  prefetched.set(JSON.stringify({ query, variables }), request);
}

export function dropPrefetched() {
  prefetched.clear();
}

function takePrefetched(query, variables) {
  const key = JSON.stringify({ query, variables });
  const request = prefetched.get(key);
  prefetched.delete(key);
  return request;
}

function abortable(promise, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

async function send(query, variables, timeoutMs, signal) {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response;
  try {
    const { url, init } = requestFor(query, variables);
    response = await fetch(url, { ...init, signal: combined });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) {
      throw new GraphQLError(`The server did not answer within ${Math.round(timeoutMs / 1000)} seconds.`, 'TIMEOUT');
    }
    throw new GraphQLError('The server could not be reached. Check your connection and try again.', 'NETWORK');
  }

  const body = await readJson(response);
  const first = body?.errors?.[0];
  if (first) {
    throw new GraphQLError(first.message ?? 'The request failed.', first.extensions?.code ?? 'GRAPHQL_ERROR', response.status, {
      retryAfter: retryAfterSeconds(response),
      dataset: first.extensions?.dataset ?? null,
    });
  }
  if (!response.ok || !body?.data) {
    throw new GraphQLError(`The server answered ${response.status} ${response.statusText}.`.trim(), 'HTTP_' + response.status, response.status);
  }
  return body.data;
}

/** The request for an operation: a query as GET when its URL is short enough, anything else as POST. */
function requestFor(query, variables) {
  if (!/^\s*mutation\b/.test(query)) {
    const url = `/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`;
    if (url.length <= MAX_GET_URL) return { url, init: { method: 'GET', headers: { Accept: ACCEPT } } };
  }
  return {
    url: '/graphql',
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: ACCEPT },
      body: JSON.stringify({ query, variables }),
    },
  };
}

/** Retry-After in seconds, when the server sent it as a number of seconds (the only form it sends). */
function retryAfterSeconds(response) {
  const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}
