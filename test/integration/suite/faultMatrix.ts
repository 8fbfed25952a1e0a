// The fault matrix shared by faults*.test.ts (issue 9): the faults, what the user must see for each, a spy on the
// notifications the extension shows, a watch for unhandled promise rejections, and the table of cases printed once
// every suite has run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { type Faults, type Sandbox, type SandboxOptions, startSandbox } from '../../../src/sandbox';

export interface FaultCase {
  name: string;
  faults: Partial<Faults>;
  /** `recovers`: the client rides it out and the user gets everything; `fails`: an error and a way forward. */
  outcome: 'recovers' | 'fails';
  /** recovers: the status the sandbox must have sent, so the fault was really met (latency has none). */
  sign?: number;
  /** fails: the sentence the user reads (describeError). */
  message?: RegExp;
}

export const LATENCY_MS = 1500;
export const NO_FAULTS: Faults = { latencyMs: 0, rateLimit: null, failEvery: null };
export const SERVER_GONE = 'server gone and back';
export const REACH_MESSAGE = /^Omi could not be reached\. Check your connection, then retry\.$/;

export const FAULT_CASES: readonly FaultCase[] = [
  { name: 'latency 1.5 s', faults: { latencyMs: LATENCY_MS }, outcome: 'recovers' },
  {
    name: '429 with Retry-After mid-paging',
    // The window opens with the first request; the next one meets a 429 with Retry-After: 1.
    faults: { rateLimit: { limit: 1, windowMs: 1000 } },
    outcome: 'recovers',
    sign: 429,
  },
  { name: '503 every 2nd request', faults: { failEvery: { n: 2, mode: '503' } }, outcome: 'recovers', sign: 503 },
  // The Omi cloud's occasional 500 (a datastore timeout). `first: 1`: the area's first request meets it.
  {
    name: '500 every 5th request',
    faults: { failEvery: { n: 5, mode: '500', first: 1 } },
    outcome: 'recovers',
    sign: 500,
  },
  {
    name: '500 every 7th request',
    faults: { failEvery: { n: 7, mode: '500', first: 1 } },
    outcome: 'recovers',
    sign: 500,
  },
  {
    name: '500 every request',
    faults: { failEvery: { n: 1, mode: '500' } },
    outcome: 'fails',
    message: /^The Omi server had a problem answering \(HTTP 500\)\. Retry in a moment\.$/,
  },
  {
    name: 'connection dropped mid-body',
    faults: { failEvery: { n: 1, mode: 'drop' } },
    outcome: 'fails',
    message: REACH_MESSAGE,
  },
  {
    name: 'malformed JSON',
    faults: { failEvery: { n: 1, mode: 'malformed' } },
    outcome: 'fails',
    message: /^Omi sent an answer the extension could not read\. Retry, or see the log\.$/,
  },
  {
    name: 'wrong shape',
    faults: { failEvery: { n: 1, mode: 'wrongShape' } },
    outcome: 'fails',
    message: /^Omi sent an answer the extension could not read\. Retry, or see the log\.$/,
  },
];

/** The recoverable fault really happened: the server sent its status, or the answers took the added latency. */
export function assertFaultMet(sandbox: Sandbox, fault: FaultCase, elapsedMs: number): void {
  const { sign } = fault;
  const sent = sign !== undefined && sandbox.requests.some((r) => r.status === sign);
  if (sign) assert.ok(sent, `the server did send ${sign}`);
  else assert.ok(elapsedMs >= LATENCY_MS, `the answers were slow (${elapsedMs} ms)`);
}

/** A message a person can read: one line of prose, no JSON, no stack, no "undefined", not the catch-all. */
export function assertReadable(text: string): void {
  assert.ok(text.length > 0 && text.length < 300, `a short message: ${text}`);
  assert.doesNotMatch(text, /[\n{}[\]]|\bat \S+:\d+|undefined|\[object |Something went wrong/, text);
  assert.match(text, /[.!?]$/, `a sentence: ${text}`);
}

/** Every name in a folder, hidden temporary files included; [] when the folder does not exist. */
export function entries(folder: vscode.Uri): string[] {
  return fs.existsSync(folder.fsPath) ? fs.readdirSync(folder.fsPath).sort() : [];
}

/** An empty folder of its own for one case, inside the test workspace. */
export function freshFolder(...names: string[]): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the tests run with a workspace folder');
  const folder = vscode.Uri.joinPath(root, 'fault-tests', ...names.map((n) => n.replace(/[^a-z0-9]+/gi, '-')));
  fs.rmSync(folder.fsPath, { recursive: true, force: true });
  return folder;
}

/** The options of a suite's sandbox, with the data pinned to one hour so a restart serves the same data. */
export function pinned(options: SandboxOptions): SandboxOptions {
  const hour = 60 * 60 * 1000;
  return { shortPages: false, now: new Date(Math.floor(Date.now() / hour) * hour), ...options };
}

const gone = new WeakSet<Sandbox>();

/** The server goes away: every connection is cut and the port refuses new ones. */
export function goAway(context: { sandbox: Sandbox }): Promise<void> {
  gone.add(context.sandbox);
  return context.sandbox.close();
}

/**
 * The server comes back on the same port (the extension's base URL does not change) with the same data: `options`
 * are the suite's pinned ones.
 */
export async function comeBack(context: { sandbox: Sandbox }, options: SandboxOptions): Promise<void> {
  context.sandbox = await startSandbox({ ...options, port: context.sandbox.port });
}

/** After each case, even one that failed half-way: the server is there, without faults. */
export async function wellAgain(context: { sandbox: Sandbox }, options: SandboxOptions): Promise<void> {
  if (gone.has(context.sandbox)) {
    await context.sandbox.close();
    await comeBack(context, options);
  }
  context.sandbox.setFaults(NO_FAULTS);
}

// ---------------------------------------------------------------------------------------------------------------
// What the user sees: notifications and progress

export interface ShownMessage {
  severity: 'error' | 'warning' | 'information';
  text: string;
  /** The buttons offered. */
  items: string[];
  /** Clicks a button (or dismisses the message with undefined). */
  choose(item: string | undefined): void;
}

export interface ShownProgress {
  title: string | undefined;
  cancellable: boolean;
  messages: string[];
  /** The notification went away (its task settled). */
  settled: boolean;
}

type WindowFunctions = Record<string, (...args: unknown[]) => unknown>;
const SEVERITIES = { showErrorMessage: 'error', showWarningMessage: 'warning', showInformationMessage: 'information' };

/**
 * Records the notifications and progress the extension shows while a suite runs, instead of waiting for a person to
 * click them. The extension and the tests share one `vscode` API object, so replacing its functions is seen by both.
 */
export class WindowSpy {
  readonly messages: ShownMessage[] = [];
  readonly progress: ShownProgress[] = [];
  private readonly originals = new Map<string, (...args: unknown[]) => unknown>();
  private readonly listeners = new Set<(message: string) => void>();
  private readonly pending = new Set<(item: string | undefined) => void>();

  install(): void {
    const window = vscode.window as unknown as WindowFunctions;
    for (const [name, severity] of Object.entries(SEVERITIES)) {
      this.originals.set(name, window[name]!);
      window[name] = (text: unknown, ...rest: unknown[]) =>
        new Promise<string | undefined>((resolve) => {
          this.pending.add(resolve);
          const choose = (item: string | undefined) => {
            this.pending.delete(resolve);
            resolve(item);
          };
          const items = rest.filter((r): r is string => typeof r === 'string');
          this.messages.push({ severity: severity as ShownMessage['severity'], text: String(text), items, choose });
        });
    }
    const withProgress = window.withProgress!;
    this.originals.set('withProgress', withProgress);
    window.withProgress = (options: unknown, task: unknown) => {
      const { title, cancellable } = options as vscode.ProgressOptions;
      const shown: ShownProgress = { title, cancellable: cancellable === true, messages: [], settled: false };
      this.progress.push(shown);
      const run = task as (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => unknown;
      const wrapped = (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) =>
        run(
          {
            report: (value) => {
              if (value.message) {
                shown.messages.push(value.message);
                for (const listener of this.listeners) listener(value.message);
              }
              progress.report(value);
            },
          },
          token,
        );
      return Promise.resolve(withProgress.call(vscode.window, options, wrapped)).finally(() => {
        shown.settled = true;
      });
    };
  }

  uninstall(): void {
    const window = vscode.window as unknown as WindowFunctions;
    for (const [name, original] of this.originals) window[name] = original;
    this.originals.clear();
    for (const resolve of this.pending) resolve(undefined);
    this.pending.clear();
  }

  /** Forgets what was shown so far (dismissing what is still open). */
  reset(): void {
    for (const message of this.messages) message.choose(undefined);
    this.messages.length = 0;
    this.progress.length = 0;
  }

  /** Calls `listener` with every progress line shown from now on, until the returned function is called. */
  onProgress(listener: (message: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  of(severity: ShownMessage['severity']): ShownMessage[] {
    return this.messages.filter((m) => m.severity === severity);
  }

  /** No progress notification is left spinning. */
  assertNothingSpinning(): void {
    const spinning = this.progress.filter((p) => !p.settled).map((p) => p.title);
    assert.deepEqual(spinning, [], 'no progress notification left spinning');
  }
}

/** A spy installed for the enclosing suite. */
export function useWindowSpy(): WindowSpy {
  const spy = new WindowSpy();
  before(() => spy.install());
  after(() => spy.uninstall());
  return spy;
}

/**
 * Calls `arm` once, when a progress line first counts at least one item ("300 of ~? memories", "300 memories
 * loaded…"): the first page has arrived (and, for exports, is in the temporary file).
 */
export function armAfterFirstPage(spy: WindowSpy, arm: () => void): { readonly armed: boolean; stop(): void } {
  let armed = false;
  const stop = spy.onProgress((message) => {
    const count = Number(/^([\d,]+) /.exec(message)?.[1]?.replace(/,/g, '') ?? 0);
    if (!armed && count > 0) {
      armed = true;
      arm();
    }
  });
  return {
    get armed() {
      return armed;
    },
    stop,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Unhandled promise rejections

/**
 * Collects the unhandled promise rejections of the extension host (the extension and the tests share its process)
 * while the enclosing suite runs, by promise: mocha hands each one on to the other listeners a second time.
 */
export function useRejectionWatch(): { readonly seen: Map<Promise<unknown>, unknown> } {
  const seen = new Map<Promise<unknown>, unknown>();
  const listener = (reason: unknown, promise: Promise<unknown>) => seen.set(promise, reason);
  before(() => process.on('unhandledRejection', listener));
  after(() => process.off('unhandledRejection', listener));
  return { seen };
}

/** No rejection went unhandled; the failure lists each one's stack. */
export function assertNoRejections(seen: ReadonlyMap<Promise<unknown>, unknown>): void {
  const reasons = [...seen.values()].map((r) => (r instanceof Error ? (r.stack ?? r.message) : String(r)));
  assert.equal(reasons.length, 0, `unhandled promise rejections:\n${reasons.join('\n---\n')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The table

interface CaseResult {
  area: string;
  fault: string;
  passed: boolean;
}

const results: CaseResult[] = [];

/** One case of the matrix: a mocha test named "fault: area" whose outcome goes into the printed table. */
export function faultCase(area: string, fault: string, body: () => Promise<void>, timeoutMs = 60_000): void {
  it(`${fault}: ${area}`, async function () {
    this.timeout(timeoutMs);
    const result: CaseResult = { area, fault, passed: false };
    results.push(result);
    await body();
    result.passed = true;
  });
}

export function faultTable(): string[] {
  if (results.length === 0) return [];
  const areaWidth = Math.max(4, ...results.map((r) => r.area.length));
  const faultWidth = Math.max(5, ...results.map((r) => r.fault.length));
  const lines = ['Fault matrix', `${'area'.padEnd(areaWidth)}  ${'fault'.padEnd(faultWidth)}  result`];
  for (const r of results) {
    lines.push(`${r.area.padEnd(areaWidth)}  ${r.fault.padEnd(faultWidth)}  ${r.passed ? 'passed' : 'FAILED'}`);
  }
  const passed = results.filter((r) => r.passed).length;
  lines.push(`${passed} of ${results.length} cases passed`);
  return lines;
}

// A root hook: printed once, after every suite of every file, whichever of the fault suites ran.
after(() => {
  const lines = faultTable();
  if (lines.length > 0) console.log(`\n${lines.map((line) => `    ${line}`).join('\n')}\n`);
});
