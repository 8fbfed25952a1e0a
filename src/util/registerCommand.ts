import * as vscode from 'vscode';

let startup: Promise<unknown> = Promise.resolve();

/**
 * activate() returns before the stored key has been read, so a command that VS Code runs right after activating the
 * extension for it would otherwise see a user who seems signed out. Every Omi command waits for this first.
 */
export function holdCommandsUntil(ready: Promise<unknown>): void {
  startup = ready.then(
    () => undefined,
    () => undefined,
  );
}

/** Resolves once start-up has read the key: for Omi's entry points that are not commands (links from notes). */
export function afterStartup(): Promise<unknown> {
  return startup;
}

/** `vscode.commands.registerCommand` for Omi's commands: the handler runs once start-up has read the key. */
export function registerCommand(id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: never[]) => {
    await afterStartup();
    return handler(...args);
  });
}
