// Reaching the running extension and signing it in to a sandbox, for the in-host benchmarks.
import * as vscode from 'vscode';
import type { OmiExtensionApi } from '../../src/extension';

export type Figures = Record<string, number>;

/** An Omi server to sign in to: the sandbox in this process or one in a process of its own. */
export interface Server {
  url: string;
  key: string;
}

export async function extensionApi(): Promise<OmiExtensionApi> {
  const extension = vscode.extensions.getExtension<OmiExtensionApi | undefined>('omi-community.omi-vscode');
  if (!extension) throw new Error('the extension is not installed');
  const api = await extension.activate();
  await api?.whenStarted();
  if (!api) throw new Error('the extension runs outside test mode');
  return api;
}

export async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('benchmark step timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
}

/**
 * Signs in to `server` for `work`, then signs out again, so that no key stays filed under that server's origin and a
 * later sign-in there starts from signed out, as this expects.
 */
export async function withServer<T>(api: OmiExtensionApi, server: Server, work: () => Promise<T>): Promise<T> {
  await vscode.workspace.getConfiguration('omi').update('apiBaseUrl', server.url, vscode.ConfigurationTarget.Global);
  await until(() => !api.signedIn);
  await vscode.commands.executeCommand('omi.setApiKey', server.key);
  await api.views.whenSwitched();
  try {
    return await work();
  } finally {
    await vscode.commands.executeCommand('omi.signOut', { confirm: false });
    await api.views.whenSwitched();
  }
}
