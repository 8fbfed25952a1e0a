import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OmiExtensionApi } from '../../../src/extension';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../src/sandbox';

export const EXTENSION_ID = 'omi-community.omi-vscode';

export async function activateExtension(): Promise<OmiExtensionApi> {
  const extension = vscode.extensions.getExtension<OmiExtensionApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api?.whenStarted();
  assert.ok(api, 'the test API is there in test mode');
  return api;
}

/** Polls until the condition holds (the UI updates asynchronously), failing after timeoutMs. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition') {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function setBaseUrl(url: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('omi').update('apiBaseUrl', url, vscode.ConfigurationTarget.Global);
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('omi.signOut', { confirm: false });
  await (await activateExtension()).views.whenSwitched();
}

/** Sets a key through the command, as a user would, and waits until the views show that account's lists. */
export async function signIn(key: string): Promise<boolean> {
  const stored = await vscode.commands.executeCommand<boolean>('omi.setApiKey', key);
  await (await activateExtension()).views.whenSwitched();
  return stored;
}

/**
 * A sandbox server on 127.0.0.1 and the extension signed in to it, for one suite. Everything is undone afterwards
 * so suites do not depend on each other.
 */
export function useSignedInSandbox(options: SandboxOptions = {}) {
  const context: { sandbox: Sandbox; api: OmiExtensionApi } = {} as never;
  before(async () => {
    context.api = await activateExtension();
    context.sandbox = await startSandbox({ shortPages: false, ...options });
    await setBaseUrl(context.sandbox.url);
    await eventually(() => !context.api.signedIn, 5000, 'signed out for the new server');
    assert.equal(await signIn(context.sandbox.key), true, 'the sandbox key is accepted');
    context.sandbox.resetRequests();
  });
  after(async () => {
    await signOut();
    await setBaseUrl(undefined);
    await context.sandbox?.close();
  });
  return context;
}
