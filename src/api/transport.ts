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
  bodyText: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpReply>;

/**
 * One HTTP exchange through ofetch with the caller's fetch. Every status comes back as a reply (the client decides
 * what is an error), the body as text (the client decides what is malformed), nothing is retried here, and redirects
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
      responseType: 'text',
    });
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      bodyText: response._data ?? '',
    };
  };
}
