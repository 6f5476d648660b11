/**
 * The one HTTP client of the app: same-origin JSON POSTs to the function routes.
 *
 * - Sends the bearer token when there is one; a 401 on such a call means the session is over,
 *   so it calls `onUnauthorized` (the app goes back to sign-in).
 * - Retries only what is safe to send twice, waiting in between (honouring `Retry-After`) while
 *   `onWakingChange` tells the UI: any call that got no answer at all (a network error), and a
 *   call marked `idempotent` or carrying an `idempotencyKey` that got 502/503/504, which is what
 *   a scale-to-zero function answers while it starts. A 502/503/504 to any other call may have
 *   come after the function did its work (a gateway timeout), so it is not sent again.
 * - Any other failure becomes an {@link ApiError} carrying the problem+json `detail`.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** The problem+json answer, with members such as chat's `conversationId`. */
    readonly problem?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** The bearer token to send, or null before sign-in. */
  getToken: () => string | null;
  /** A call that carried a token was answered 401. */
  onUnauthorized: () => void;
  /** True while at least one call is waiting for a function to wake up. */
  onWakingChange: (waking: boolean) => void;
  /** Pauses before each retry; their count is the number of retries. */
  retryDelaysMs?: readonly number[];
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RequestOptions {
  accept?: string;
  signal?: AbortSignal;
  /** The call changes nothing, or nothing more when sent again (a read): retried on 502/503/504. */
  idempotent?: boolean;
  /**
   * Sent as the `Idempotency-Key` header, the same on every retry, so that the server answers a
   * retried request with what the first one did: retried on 502/503/504 like an idempotent call.
   */
  idempotencyKey?: string;
}

export interface ApiClient {
  /** POSTs `body` as JSON and returns the successful response, unread. */
  send(path: string, body: unknown, options?: RequestOptions): Promise<Response>;
  /** POSTs `body` as JSON and returns the parsed JSON answer. */
  call<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
}

/**
 * A fresh key for {@link RequestOptions.idempotencyKey}: 128 random bits as hex.
 * `crypto.randomUUID` would need a secure context (HTTPS or localhost), which the cluster's
 * `*.sslip.io` URLs are not; `crypto.getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 3000, 5000, 8000, 10000] as const;

const WAKING_STATUSES = new Set([502, 503, 504]);
const MAX_RETRY_AFTER_MS = 10_000;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? abortableSleep;
  let waitingCalls = 0;

  function setWaiting(waiting: boolean) {
    waitingCalls += waiting ? 1 : -1;
    if (waitingCalls === (waiting ? 1 : 0)) options.onWakingChange(waiting);
  }

  async function send(
    path: string,
    body: unknown,
    { accept = 'application/json', signal, idempotent = false, idempotencyKey }: RequestOptions = {},
  ) {
    const token = options.getToken();
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: accept };
    if (token) headers.Authorization = `Bearer ${token}`;
    // a String Structured Field, as the Idempotency-Key draft defines it
    if (idempotencyKey) headers['Idempotency-Key'] = `"${idempotencyKey}"`;
    const retriesOnWaking = idempotent || idempotencyKey !== undefined;
    const init: RequestInit = { method: 'POST', headers, body: JSON.stringify(body), signal };

    let waiting = false;
    try {
      for (let attempt = 0; ; attempt++) {
        let response: Response | undefined;
        try {
          response = await doFetch(path, init);
        } catch (error) {
          if (signal?.aborted) throw error;
        }
        if (response && !(WAKING_STATUSES.has(response.status) && retriesOnWaking)) {
          if (response.ok) return response;
          if (response.status === 401 && token) {
            options.onUnauthorized();
            throw new ApiError(401, 'Session expired. Please sign in again.');
          }
          throw await toApiError(response);
        }
        if (attempt >= delays.length) {
          throw response ? await toApiError(response) : new ApiError(0, OFFLINE_MESSAGE);
        }
        if (!waiting) {
          waiting = true;
          setWaiting(true);
        }
        await sleep(Math.max(delays[attempt], retryAfterMs(response)), signal);
      }
    } finally {
      if (waiting) setWaiting(false);
    }
  }

  return {
    send,
    async call<T>(path: string, body: unknown, requestOptions?: RequestOptions) {
      const response = await send(path, body, requestOptions);
      return (await response.json()) as T;
    },
  };
}

const OFFLINE_MESSAGE = 'Cannot reach the server. Check your connection and try again.';

/** Reads an error response: the problem+json `detail` when there is one, else a plain sentence. */
export async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as { detail?: unknown; title?: unknown; field?: unknown };
      const message = text(problem.detail) ?? text(problem.title);
      if (message) return new ApiError(response.status, message, text(problem.field), problem);
    } catch {
      // not JSON after all: fall through to the plain sentence
    }
  }
  return new ApiError(response.status, messageForStatus(response.status));
}

function messageForStatus(status: number): string {
  if (WAKING_STATUSES.has(status)) return 'The service is still waking up. Please try again in a moment.';
  if (status === 413) return 'That is too large to send.';
  if (status === 404) return 'Not found. It may have been deleted.';
  return `Something went wrong (HTTP ${status}). Please try again.`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function retryAfterMs(response: Response | undefined): number {
  const seconds = Number(response?.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : 0;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
