import * as vscode from 'vscode';

/** The extension's Log output channel. Callers never pass the API key or the user's Omi content. */
export type Logger = Pick<vscode.LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'show'>;

export function createLogger(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Omi', { log: true });
}
