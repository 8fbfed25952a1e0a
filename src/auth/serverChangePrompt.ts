import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import type { ServerSettings } from './serverSettings';
import type { SignInState } from './signInState';

/**
 * Keys are filed per server, so pointing `omi.apiBaseUrl` at another host signs out of the old one rather than
 * sending its key there. This says so and offers to set a key for the new server, or explains a refused address.
 */
export function promptOnServerChange(server: ServerSettings, signIn: SignInState): vscode.Disposable {
  return server.onDidChange(async () => {
    await signIn.reload();
    const check = server.current;
    if (!check.ok) {
      const openSettings = vscode.l10n.t('Open Settings');
      const choice = await vscode.window.showErrorMessage(check.problem, openSettings);
      if (choice === openSettings) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'omi.apiBaseUrl');
      }
      return;
    }
    if (signIn.signedIn) return;
    const setKey = vscode.l10n.t('Set API Key');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('The Omi server is now {0}. Set the API key to use with it.', check.baseUrl),
      setKey,
    );
    if (choice === setKey) await vscode.commands.executeCommand(COMMAND.setApiKey);
  });
}
