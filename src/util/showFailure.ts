import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import { describeError } from './errorMessage';

/**
 * Says what failed and why in one notification ("<what> <describeError's sentence>"), with the way forward
 * describeError names as its button: Retry calls `retry`, Set API Key and Show Log run those commands. Returns at
 * once, so a command reports its outcome without waiting for the user to click.
 */
export function showFailure(what: string, error: unknown, retry: () => Thenable<unknown>): void {
  const { message, action } = describeError(error);
  const text = vscode.l10n.t('{0} {1}', what, message);
  const buttons = {
    retry: vscode.l10n.t('Retry'),
    setKey: vscode.l10n.t('Set API Key'),
    showLog: vscode.l10n.t('Show Log'),
  };
  const button = action === 'none' ? undefined : buttons[action];
  const shown = button ? vscode.window.showErrorMessage(text, button) : vscode.window.showErrorMessage(text);
  void shown.then((choice) => {
    const next =
      choice === buttons.retry
        ? retry()
        : choice === buttons.setKey
          ? vscode.commands.executeCommand(COMMAND.setApiKey)
          : choice === buttons.showLog
            ? vscode.commands.executeCommand(COMMAND.showLog)
            : undefined;
    // What runs next reports its own failures.
    return Promise.resolve(next).then(undefined, () => undefined);
  });
}

/**
 * For palette commands that need Omi data while no key is set: they are listed before the extension has even
 * started (so they work right after VS Code opens), and say what is missing instead of failing on the first request.
 */
export function askToSignIn(): undefined {
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Omi needs your API key first.'), vscode.l10n.t('Set API Key'))
    .then((choice) => choice && vscode.commands.executeCommand(COMMAND.setApiKey))
    // Set API Key reports its own failures; nothing is left to reject unhandled.
    .then(undefined, () => undefined);
  return undefined;
}
