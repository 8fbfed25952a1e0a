import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { SignInState } from '../auth/signInState';
import type { Logger } from '../util/logger';

/** `omi.signOut`: forgets the stored key after a confirmation. Returns true when the key was removed. */
export async function signOut(
  store: ApiKeyStore,
  state: SignInState,
  log: Logger,
  options: { confirm?: boolean; forgetData?: () => Promise<void> } = {},
): Promise<boolean> {
  if (!(await store.hasStoredKey())) {
    const message =
      state.apiKey?.source === 'environment'
        ? vscode.l10n.t(
            'Omi uses the OMI_API_KEY environment variable, which VS Code cannot change. Unset it and restart VS Code to sign out.',
          )
        : vscode.l10n.t('Omi: you are not signed in.');
    void vscode.window.showInformationMessage(message);
    return false;
  }
  if (options.confirm !== false) {
    const signOutButton = vscode.l10n.t('Sign Out');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Sign out of Omi? VS Code will forget your API key and the Omi data it has cached.'),
      { modal: true },
      signOutButton,
    );
    if (answer !== signOutButton) return false;
  }
  await store.clear();
  await options.forgetData?.();
  await state.reload();
  log.info('Signed out: the API key was removed from secret storage.');
  return true;
}
