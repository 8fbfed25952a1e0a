import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { ServerSettings } from '../auth/serverSettings';
import { promptOnServerChange } from '../auth/serverSettings';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import type { OmiConnection } from '../store/connection';
import type { OmiStore } from '../store/omiStore';
import type { Logger } from '../util/logger';
import { registerCommand } from '../util/registerCommand';
import { manageKeys, rotateCurrentKey } from './manageKeys';
import { setApiKey } from './setApiKey';

export interface AccountCommandDependencies {
  server: ServerSettings;
  keyStore: ApiKeyStore;
  signIn: SignInState;
  connection: OmiConnection;
  store: OmiStore;
  log: Logger;
}

/**
 * The account and its local data: Set API Key, Sign Out, Manage and Rotate API Keys, Show Log, Clear Cache, and the
 * question asked when the server setting changes under a stored key.
 */
export function registerAccountCommands(deps: AccountCommandDependencies): vscode.Disposable[] {
  const { keyStore, signIn, connection, store, log } = deps;
  const keys = { store: keyStore, state: signIn, connection, log };
  return [
    promptOnServerChange(deps.server, signIn),
    registerCommand(COMMAND.setApiKey, (key?: unknown) => setApiKey(keys, key)),
    registerCommand(COMMAND.signOut, (options?: { confirm?: boolean }) => signOut(deps, options?.confirm !== false)),
    registerCommand(COMMAND.manageKeys, () => manageKeys(keys)),
    registerCommand(COMMAND.rotateKey, () => rotateCurrentKey(keys)),
    registerCommand(COMMAND.showLog, () => log.show(true)),
    registerCommand(COMMAND.clearCache, () => clearCache(store)),
  ];
}

/** `omi.signOut`: forgets the stored key and the data cached for it, after a confirmation. */
async function signOut(deps: AccountCommandDependencies, confirm: boolean): Promise<boolean> {
  const { keyStore, signIn, store, log } = deps;
  if (!(await keyStore.hasStoredKey())) {
    const message =
      signIn.apiKey?.source === 'environment'
        ? vscode.l10n.t(
            'Omi uses the OMI_API_KEY environment variable, which VS Code cannot change. Unset it and restart VS Code to sign out.',
          )
        : vscode.l10n.t('Omi: you are not signed in.');
    void vscode.window.showInformationMessage(message);
    return false;
  }
  if (confirm) {
    const signOutButton = vscode.l10n.t('Sign Out');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Sign out of Omi? VS Code will forget your API key and the Omi data it has cached.'),
      { modal: true },
      signOutButton,
    );
    if (answer !== signOutButton) return false;
  }
  await keyStore.clear();
  await store.clearPersistent();
  await signIn.reload();
  log.info('Signed out: the API key was removed from secret storage.');
  return true;
}

/** `omi.clearCache`: forgets every loaded page and every cached transcript, in memory and on disk. */
async function clearCache(store: OmiStore): Promise<void> {
  await store.clearPersistent();
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Omi: the cache is empty. Views and transcripts load again from Omi.'),
  );
}
