import assert from 'node:assert/strict';
import { OmiClient } from '../../../src/api/client';
import { isOmiApiError, type OmiApiError } from '../../../src/api/errors';
import type { OmiClientOptions, RateLimitWaitEvent, RequestLogEvent, RetryEvent } from '../../../src/api/options';

export const KEY = 'omi_dev_0123456789abcdef0123456789abcdef';
export const BASE = 'https://api.test/v1/dev';
export const NOW = Date.parse('2026-11-28T10:00:00Z');

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  redirect: RequestRedirect | undefined;
  signal: AbortSignal | undefined;
}

export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

/** A fetch that answers from `responders` in order (the last one repeats) and records every request. */
export function fakeFetch(...responders: Responder[]): { fetch: typeof fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request: RecordedRequest = {
      url: new URL(input instanceof Request ? input.url : String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      redirect: init?.redirect,
      signal: init?.signal ?? undefined,
    };
    requests.push(request);
    const responder = responders[Math.min(requests.length - 1, responders.length - 1)];
    return responder(request);
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Responder {
  return () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function text(body: string, status = 200, headers: Record<string, string> = {}): Responder {
  return () => new Response(body, { status, headers });
}

export function empty(status: number, headers: Record<string, string> = {}): Responder {
  return () => new Response(null, { status, headers });
}

/** Fails like undici does when the connection drops. */
export function networkFailure(code = 'ECONNRESET'): Responder {
  return () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code }) });
  };
}

/** Never answers; rejects when the request's signal aborts, as a real fetch does. */
export const hang: Responder = (request) =>
  new Promise<Response>((_resolve, reject) => {
    request.signal?.addEventListener('abort', () => reject(request.signal?.reason), { once: true });
  });

export interface TestClient {
  client: OmiClient;
  requests: RecordedRequest[];
  sleeps: number[];
  logs: RequestLogEvent[];
  waits: RateLimitWaitEvent[];
  retries: RetryEvent[];
}

/** A client on a fake server: sleeps are recorded and return at once (still rejecting on abort). */
export function testClient(responders: Responder[], options: Partial<OmiClientOptions> = {}): TestClient {
  const { fetch, requests } = fakeFetch(...responders);
  const sleeps: number[] = [];
  const logs: RequestLogEvent[] = [];
  const waits: RateLimitWaitEvent[] = [];
  const retries: RetryEvent[] = [];
  const client = new OmiClient({
    baseUrl: 'https://api.test',
    getApiKey: () => KEY,
    fetch,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      signal?.throwIfAborted();
    },
    random: () => 0.5,
    now: () => NOW,
    onRequest: (event) => logs.push(event),
    onRateLimitWait: (event) => waits.push(event),
    onRetry: (event) => retries.push(event),
    ...options,
  });
  return { client, requests, sleeps, logs, waits, retries };
}

/** Runs `action` and returns the OmiApiError it rejected with, failing if it resolved or threw something else. */
export async function omiError(action: () => Promise<unknown>): Promise<OmiApiError> {
  try {
    await action();
  } catch (error) {
    assert.ok(isOmiApiError(error), `expected an OmiApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}
