import { ofetch } from 'ofetch';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: Record<string, unknown>;
  signal: AbortSignal;
}

export interface HttpReply {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body's bytes, empty when there was none: the client reads most as text, a long list element by element. */
  body: Uint8Array;
}

export type Transport = (request: HttpRequest) => Promise<HttpReply>;

/**
 * One HTTP exchange through ofetch with the caller's fetch. Every status comes back as a reply (the client decides
 * what is an error), the body as bytes (the client decides what is malformed), nothing is retried here, and redirects
 * are not followed, so the Authorization header never reaches another host.
 */
export function createTransport(getFetch: () => typeof fetch): Transport {
  const $fetch = ofetch.create(
    { retry: false, ignoreResponseError: true, redirect: 'manual' },
    { fetch: (input, init) => getFetch()(input, init) },
  );
  return async (request) => {
    const response = await $fetch.raw(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      responseType: 'arrayBuffer',
    });
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: response._data ? new Uint8Array(response._data) : new Uint8Array(0),
    };
  };
}
