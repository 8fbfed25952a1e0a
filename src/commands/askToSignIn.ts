import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';

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
