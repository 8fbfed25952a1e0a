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
        ? 'Omi uses the OMI_API_KEY environment variable, which VS Code cannot change. Unset it and restart VS Code to sign out.'
        : 'Omi: you are not signed in.';
    void vscode.window.showInformationMessage(message);
    return false;
  }
  if (options.confirm !== false) {
    const answer = await vscode.window.showWarningMessage(
      'Sign out of Omi? VS Code will forget your API key and the Omi data it has cached.',
      { modal: true },
      'Sign Out',
    );
    if (answer !== 'Sign Out') return false;
  }
  await store.clear();
  await options.forgetData?.();
  await state.reload();
  log.info('Signed out: the API key was removed from secret storage.');
  return true;
}
