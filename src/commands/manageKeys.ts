import * as vscode from 'vscode';
import type { OmiClient } from '../api/client';
import { isOmiApiError, KEY_MANAGEMENT_UNAVAILABLE } from '../api/errors';
import type { ApiKeyInfo } from '../api/models';
import { keyMatchesPrefix } from '../auth/apiKeyFormat';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { SignInState } from '../auth/signInState';
import { verifyApiKey } from '../auth/verifyApiKey';
import type { OmiConnection } from '../store/connection';
import { describeError } from '../util/errorMessage';
import type { Logger } from '../util/logger';
import { dateAndTime, parseDate } from '../util/time';
import { keyCheckFailure } from './setApiKey';

export interface ManageKeysDependencies {
  store: ApiKeyStore;
  state: SignInState;
  connection: OmiConnection;
  log: Logger;
}

const KEYS_LIVE_IN_APP =
  'This Omi server manages API keys only in the Omi app: open Settings > Developer > Developer API Keys there.';

type Action = 'create' | 'rotate' | 'revoke';
type KeyPick = vscode.QuickPickItem & { key?: ApiKeyInfo; action?: Action };

function keyDetail(key: ApiKeyInfo): string {
  const created = parseDate(key.created_at);
  const used = parseDate(key.last_used_at);
  return [
    created ? `created ${dateAndTime(created)}` : undefined,
    used ? `last used ${dateAndTime(used)}` : 'never used',
    key.scopes?.length ? `scopes: ${key.scopes.join(', ')}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Explains a failed key-management call in one sentence; the real server refuses developer keys there. */
function reportFailure(what: string, error: unknown, log: Logger): void {
  if (isOmiApiError(error) && error.code === KEY_MANAGEMENT_UNAVAILABLE) {
    log.info(`${what}: this server manages keys only in the Omi app.`);
    void vscode.window.showInformationMessage(KEYS_LIVE_IN_APP, 'Set API Key').then((choice) => {
      if (choice === 'Set API Key') void vscode.commands.executeCommand('omi.setApiKey');
    });
    return;
  }
  const { message } = describeError(error);
  log.warn(`${what} failed: ${message}`);
  void vscode.window.showErrorMessage(`${what} failed. ${message}`);
}

/** Shows a new key once, with Copy and "Use this key in VS Code". */
async function offerNewKey(created: { key: string; name: string }, deps: ManageKeysDependencies): Promise<void> {
  const choice = await vscode.window.showInformationMessage(
    `Created the key “${created.name}”. Omi shows it only now: copy it, or use it in VS Code.`,
    { modal: true },
    'Copy Key',
    'Use This Key in VS Code',
  );
  if (choice === 'Copy Key') {
    await vscode.env.clipboard.writeText(created.key);
    void vscode.window.showInformationMessage('The new key is on the clipboard.');
  } else if (choice === 'Use This Key in VS Code') {
    await vscode.commands.executeCommand('omi.setApiKey', created.key);
  }
  deps.log.info(`Created API key “${created.name}”.`);
}

async function createKey(client: OmiClient, deps: ManageKeysDependencies): Promise<void> {
  const name = await vscode.window.showInputBox({
    title: 'Omi: Create API Key',
    prompt: 'A name that says where the key is used',
    value: 'VS Code',
    validateInput: (value) => (value.trim() ? undefined : 'Give the key a name.'),
  });
  if (!name) return;
  try {
    const created = await client.createKey(name.trim());
    await offerNewKey({ key: created.key, name: created.name || name }, deps);
  } catch (error) {
    reportFailure('Creating the key', error, deps.log);
  }
}

async function revokeKey(client: OmiClient, key: ApiKeyInfo, deps: ManageKeysDependencies): Promise<void> {
  const answer = await vscode.window.showWarningMessage(
    `Revoke the key “${key.name}” (${key.key_prefix})? Anything using it stops working. This cannot be undone.`,
    { modal: true },
    'Revoke',
  );
  if (answer !== 'Revoke') return;
  try {
    await client.revokeKey(key.id);
    deps.log.info(`Revoked API key “${key.name}”.`);
    void vscode.window.showInformationMessage(`Revoked the key “${key.name}”.`);
    await deps.state.reload();
  } catch (error) {
    reportFailure('Revoking the key', error, deps.log);
  }
}

/**
 * Rotation: create a new key, switch to it, check it, then revoke the old one. Any failure stops the sequence with
 * the old key still stored and working; each step is reported.
 */
export async function rotateKey(
  client: OmiClient,
  current: ApiKeyInfo | undefined,
  deps: ManageKeysDependencies,
): Promise<boolean> {
  const { store, state, connection, log } = deps;
  const oldKey = state.apiKey;
  if (oldKey?.source !== 'secretStorage') {
    void vscode.window.showInformationMessage(
      'Rotation replaces a key stored in VS Code; set one with “Omi: Set API Key” first.',
    );
    return false;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Omi: rotating the API key' },
    async (progress) => {
      let created: { id: string; key: string; name: string };
      try {
        progress.report({ message: '1/4 creating a new key…' });
        const name = `${current?.name ?? 'VS Code'} (rotated ${new Date().toISOString().slice(0, 10)})`;
        created = await client.createKey(name);
      } catch (error) {
        reportFailure('Rotation (creating the new key)', error, log);
        return false;
      }
      try {
        progress.report({ message: '2/4 checking the new key…' });
        await verifyApiKey(connection.clientForKey(created.key));
      } catch (error) {
        void vscode.window.showErrorMessage(
          `Rotation stopped: the new key did not work (${keyCheckFailure(error)}). Your old key is still in use.`,
        );
        return false;
      }
      progress.report({ message: '3/4 switching VS Code to the new key…' });
      await store.store(created.key);
      await state.reload();
      if (!current) {
        void vscode.window.showWarningMessage(
          'Rotation: switched to the new key, but the old key was not identified, so it was not revoked. Revoke it in the Omi app.',
        );
        return true;
      }
      try {
        progress.report({ message: '4/4 revoking the old key…' });
        await connection.clientForKey(created.key).revokeKey(current.id);
      } catch (error) {
        void vscode.window.showWarningMessage(
          `Rotation: VS Code now uses the new key, but revoking the old one failed (${describeError(error).message}). Revoke it in the Omi app.`,
        );
        return true;
      }
      log.info(`Rotated API key: “${current.name}” revoked, “${created.name}” in use.`);
      void vscode.window.showInformationMessage(
        `Rotated: VS Code now uses “${created.name}”; the old key “${current.name}” is revoked.`,
      );
      return true;
    },
  );
}

/** `omi.manageKeys`: list, create, revoke and rotate keys where the server allows it. */
export async function manageKeys(deps: ManageKeysDependencies): Promise<void> {
  if (!deps.state.signedIn) {
    void vscode.window.showInformationMessage('Set an Omi API key first.', 'Set API Key').then((choice) => {
      if (choice === 'Set API Key') void vscode.commands.executeCommand('omi.setApiKey');
    });
    return;
  }
  const client = deps.connection.client;
  let keys: ApiKeyInfo[];
  let current: ApiKeyInfo | undefined;
  try {
    [keys, current] = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Omi: loading your API keys…' },
      async () => {
        const list = await client.listKeys();
        return [list, await currentKeyRecord(client, deps.state.apiKey?.key ?? '', list)] as const;
      },
    );
  } catch (error) {
    reportFailure('Listing the keys', error, deps.log);
    return;
  }
  const picks: KeyPick[] = [
    { label: '$(add) Create a New Key…', action: 'create' },
    {
      label: '$(sync) Rotate the Key VS Code Uses',
      description: current ? `replaces “${current.name}”` : undefined,
      action: 'rotate',
    },
    { label: 'Keys', kind: vscode.QuickPickItemKind.Separator },
    ...keys.map((key) => ({
      label: `$(key) ${key.name}`,
      description: `${key.key_prefix}${current?.id === key.id ? ' · used by VS Code' : ''}`,
      detail: keyDetail(key),
      key,
      action: 'revoke' as const,
    })),
  ];
  const picked = await vscode.window.showQuickPick(picks, {
    title: 'Omi: Manage API Keys',
    placeHolder: 'Pick a key to revoke it, or create or rotate one',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.action) return;
  if (picked.action === 'create') await createKey(client, deps);
  else if (picked.action === 'rotate') await rotateKey(client, current, deps);
  else if (picked.key) await revokeKey(client, picked.key, deps);
}

/**
 * The record of the key VS Code uses: GET /key where the server has it, else the key list entry whose prefix
 * matches. Undefined when neither tells.
 */
async function currentKeyRecord(
  client: OmiClient,
  secret: string,
  keys?: ApiKeyInfo[],
): Promise<ApiKeyInfo | undefined> {
  const own = await client.getKeyInfo().catch(() => undefined);
  if (own) return own;
  const list = keys ?? (await client.listKeys().catch(() => []));
  const matches = list.filter((key) => keyMatchesPrefix(secret, key.key_prefix));
  return matches.length === 1 ? matches[0] : undefined;
}

/** `omi.rotateKey`: the rotation of Manage API Keys, straight from the palette. */
export async function rotateCurrentKey(deps: ManageKeysDependencies): Promise<boolean> {
  const secret = deps.state.apiKey?.key;
  if (!secret) return false;
  const client = deps.connection.client;
  return rotateKey(client, await currentKeyRecord(client, secret), deps);
}
