import * as vscode from 'vscode';
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
      const choice = await vscode.window.showErrorMessage(check.problem, 'Open Settings');
      if (choice === 'Open Settings') {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'omi.apiBaseUrl');
      }
      return;
    }
    if (signIn.signedIn) return;
    const choice = await vscode.window.showInformationMessage(
      `The Omi server is now ${check.baseUrl}. Set the API key to use with it.`,
      'Set API Key',
    );
    if (choice === 'Set API Key') await vscode.commands.executeCommand('omi.setApiKey');
  });
}
