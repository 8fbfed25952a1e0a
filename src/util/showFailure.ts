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
