import * as vscode from 'vscode';
import { describeError } from './errorMessage';

const BUTTONS = { retry: 'Retry', setKey: 'Set API Key', showLog: 'Show Log' } as const;

/**
 * Says what failed and why in one notification ("<what> <describeError's sentence>"), with the way forward
 * describeError names as its button: Retry calls `retry`, Set API Key and Show Log run those commands. Returns at
 * once, so a command reports its outcome without waiting for the user to click.
 */
export function showFailure(what: string, error: unknown, retry: () => Thenable<unknown>): void {
  const { message, action } = describeError(error);
  const text = `${what} ${message}`;
  const button = action === 'none' ? undefined : BUTTONS[action];
  const shown = button ? vscode.window.showErrorMessage(text, button) : vscode.window.showErrorMessage(text);
  void shown.then((choice) => {
    const next =
      choice === BUTTONS.retry
        ? retry()
        : choice === BUTTONS.setKey
          ? vscode.commands.executeCommand('omi.setApiKey')
          : choice === BUTTONS.showLog
            ? vscode.commands.executeCommand('omi.showLog')
            : undefined;
    // What runs next reports its own failures.
    return Promise.resolve(next).then(undefined, () => undefined);
  });
}
