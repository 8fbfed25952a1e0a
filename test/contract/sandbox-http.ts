// Small HTTP helpers shared by the contract tests of the sandbox's endpoints: a call with the sandbox's key, and
// FastAPI's 422 issues read by field.
import * as assert from 'node:assert/strict';
import type { Sandbox } from '../../src/sandbox';

export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

export type Json = Record<string, unknown>;

export async function call<T = Json>(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; key?: string | null } = {},
): Promise<Answer<T>> {
  const key = options.key === undefined ? sandbox.key : options.key;
  const headers: Record<string, string> = key === null ? {} : { Authorization: `Bearer ${key}` };
  const body = options.body === undefined ? options.raw : JSON.stringify(options.body);
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${sandbox.url}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface Issue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Json;
}

/** FastAPI's 422 list, by `loc` joined with dots. */
export function issues(answer: Answer<unknown>): Map<string, Issue> {
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  const detail = (answer.body as { detail: Issue[] }).detail;
  assert.ok(Array.isArray(detail), `a list of issues: ${JSON.stringify(answer.body)}`);
  for (const issue of detail) {
    assert.deepEqual(Object.keys(issue).sort(), [...(issue.ctx ? ['ctx'] : []), 'input', 'loc', 'msg', 'type'].sort());
  }
  return new Map(detail.map((issue) => [issue.loc.join('.'), issue]));
}

/** The documented flavor's answer to an endpoint it does not know: 404 in its own envelope. */
export function assertDocumentedNotFound(answer: Answer<unknown>): void {
  assert.equal(answer.status, 404, JSON.stringify(answer.body));
  assert.deepEqual(answer.body, { error: { message: 'Not Found', code: 'not_found' } });
}
