import type { Reply } from './context';

/** A response ready to write. */
export interface Outgoing {
  status: number;
  headers: Record<string, string>;
  /** Null for bodiless answers (204, 307). */
  body: string | null;
  /** Send the headers and half the body, then destroy the socket. */
  drop?: boolean;
  /** Accept the request and never answer (the socket closes with the server). */
  hang?: boolean;
}

export function jsonOutgoing(reply: Reply, extraHeaders: Readonly<Record<string, string>> = {}): Outgoing {
  const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
  if (reply.body === undefined) {
    return { status: reply.status, headers, body: null };
  }
  headers['Content-Type'] = 'application/json';
  return { status: reply.status, headers, body: JSON.stringify(reply.body) };
}
