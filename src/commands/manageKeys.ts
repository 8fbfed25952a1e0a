import * as vscode from 'vscode';
import type { OmiClient } from '../api/client';
import { isOmiApiError, KEY_MANAGEMENT_UNAVAILABLE } from '../api/errors';
import type { ApiKeyInfo } from '../api/models';
import { keyMatchesPrefix } from '../auth/apiKeyFormat';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { verifyApiKey } from '../auth/keyScopes';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import type { OmiConnection } from '../store/connection';
import { describeError } from '../util/errorMessage';
import type { Logger } from '../util/logger';
import { dateAndTime, parseDate } from '../util/time';

export interface ManageKeysDependencies {
  store: ApiKeyStore;
  state: SignInState;
  connection: OmiConnection;
  log: Logger;
}

function keysLiveInApp(): string {
  return vscode.l10n.t(
    'This Omi server manages API keys only in the Omi app: open Settings > Developer > Developer API Keys there.',
  );
}

type Action = 'create' | 'rotate' | 'revoke';
type KeyPick = vscode.QuickPickItem & { key?: ApiKeyInfo; action?: Action };

function keyDetail(key: ApiKeyInfo): string {
  const created = parseDate(key.created_at);
  const used = parseDate(key.last_used_at);
  return [
    created ? vscode.l10n.t('created {0}', dateAndTime(created)) : undefined,
    used ? vscode.l10n.t('last used {0}', dateAndTime(used)) : vscode.l10n.t('never used'),
    key.scopes?.length ? vscode.l10n.t('scopes: {0}', key.scopes.join(', ')) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Explains a failed key-management call in one sentence; the real server refuses developer keys there. `failed`
 * gives the user's sentence for the step with the reason in it.
 */
function reportFailure(step: string, failed: (reason: string) => string, error: unknown, log: Logger): void {
  if (isOmiApiError(error) && error.code === KEY_MANAGEMENT_UNAVAILABLE) {
    log.info(`${step}: this server manages keys only in the Omi app.`);
    offerSetApiKey(keysLiveInApp());
    return;
  }
  const { message } = describeError(error);
  log.warn(`${step} failed: ${message}`);
  void vscode.window.showErrorMessage(failed(message));
}

function offerSetApiKey(message: string): void {
  const setKey = vscode.l10n.t('Set API Key');
  void vscode.window.showInformationMessage(message, setKey).then((choice) => {
    if (choice === setKey) void vscode.commands.executeCommand(COMMAND.setApiKey);
  });
}

/** Shows a new key once, with Copy and "Use this key in VS Code". */
async function offerNewKey(created: { key: string; name: string }, deps: ManageKeysDependencies): Promise<void> {
  const copy = vscode.l10n.t('Copy Key');
  const use = vscode.l10n.t('Use This Key in VS Code');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Created the key “{0}”. Omi shows it only now: copy it, or use it in VS Code.', created.name),
    { modal: true },
    copy,
    use,
  );
  if (choice === copy) {
    await vscode.env.clipboard.writeText(created.key);
    void vscode.window.showInformationMessage(vscode.l10n.t('The new key is on the clipboard.'));
  } else if (choice === use) {
    await vscode.commands.executeCommand(COMMAND.setApiKey, created.key);
  }
  deps.log.info(`Created API key “${created.name}”.`);
}

async function createKey(client: OmiClient, deps: ManageKeysDependencies): Promise<void> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Omi: Create API Key'),
    prompt: vscode.l10n.t('A name that says where the key is used'),
    value: 'VS Code',
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Give the key a name.')),
  });
  if (!name) return;
  try {
    const created = await client.createKey(name.trim());
    await offerNewKey({ key: created.key, name: created.name || name }, deps);
  } catch (error) {
    reportFailure(
      'Creating the key',
      (reason) => vscode.l10n.t('Creating the key failed. {0}', reason),
      error,
      deps.log,
    );
  }
}

async function revokeKey(client: OmiClient, key: ApiKeyInfo, deps: ManageKeysDependencies): Promise<void> {
  const revoke = vscode.l10n.t('Revoke');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Revoke the key “{0}” ({1})? Anything using it stops working. This cannot be undone.',
      key.name,
      key.key_prefix,
    ),
    { modal: true },
    revoke,
  );
  if (answer !== revoke) return;
  try {
    await client.revokeKey(key.id);
    deps.log.info(`Revoked API key “${key.name}”.`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Revoked the key “{0}”.', key.name));
    await deps.state.reload();
  } catch (error) {
    reportFailure(
      'Revoking the key',
      (reason) => vscode.l10n.t('Revoking the key failed. {0}', reason),
      error,
      deps.log,
    );
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
      vscode.l10n.t('Rotation replaces a key stored in VS Code; set one with “Omi: Set API Key” first.'),
    );
    return false;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Omi: rotating the API key') },
    async (progress) => {
      let created: { id: string; key: string; name: string };
      try {
        progress.report({ message: vscode.l10n.t('1/4 creating a new key…') });
        const name = `${current?.name ?? 'VS Code'} (rotated ${new Date().toISOString().slice(0, 10)})`;
        created = await client.createKey(name);
      } catch (error) {
        reportFailure(
          'Rotation (creating the new key)',
          (reason) => vscode.l10n.t('Rotation failed while creating the new key. {0}', reason),
          error,
          log,
        );
        return false;
      }
      try {
        progress.report({ message: vscode.l10n.t('2/4 checking the new key…') });
        const verified = await verifyApiKey(connection.clientForKey(created.key));
        const origin = connection.origin;
        if (origin) state.rememberVerified(origin, created.key, verified);
      } catch (error) {
        reportFailure(
          'Rotation (checking the new key)',
          (reason) =>
            vscode.l10n.t('Rotation stopped: the new key did not work, and your old key is still in use. {0}', reason),
          error,
          log,
        );
        return false;
      }
      progress.report({ message: vscode.l10n.t('3/4 switching VS Code to the new key…') });
      await store.store(created.key);
      await state.reload();
      if (!current) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            'Rotation: switched to the new key, but the old key was not identified, so it was not revoked. Revoke it in the Omi app.',
          ),
        );
        return true;
      }
      try {
        progress.report({ message: vscode.l10n.t('4/4 revoking the old key…') });
        await connection.clientForKey(created.key).revokeKey(current.id);
      } catch (error) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            'Rotation: VS Code now uses the new key, but revoking the old one failed ({0}). Revoke it in the Omi app.',
            describeError(error).message,
          ),
        );
        return true;
      }
      log.info(`Rotated API key: “${current.name}” revoked, “${created.name}” in use.`);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Rotated: VS Code now uses “{0}”; the old key “{1}” is revoked.', created.name, current.name),
      );
      return true;
    },
  );
}

/** `omi.manageKeys`: list, create, revoke and rotate keys where the server allows it. */
export async function manageKeys(deps: ManageKeysDependencies): Promise<void> {
  if (!deps.state.signedIn) {
    offerSetApiKey(vscode.l10n.t('Set an Omi API key first.'));
    return;
  }
  const client = deps.connection.client;
  let keys: ApiKeyInfo[];
  let current: ApiKeyInfo | undefined;
  try {
    [keys, current] = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Omi: loading your API keys…') },
      async () => {
        const list = await client.listKeys();
        return [list, await currentKeyRecord(client, deps.state.apiKey?.key ?? '', list)] as const;
      },
    );
  } catch (error) {
    reportFailure(
      'Listing the keys',
      (reason) => vscode.l10n.t('Listing the keys failed. {0}', reason),
      error,
      deps.log,
    );
    return;
  }
  const picks: KeyPick[] = [
    { label: `$(add) ${vscode.l10n.t('Create a New Key…')}`, action: 'create' },
    {
      label: `$(sync) ${vscode.l10n.t('Rotate the Key VS Code Uses')}`,
      description: current ? vscode.l10n.t('replaces “{0}”', current.name) : undefined,
      action: 'rotate',
    },
    { label: vscode.l10n.t('Keys'), kind: vscode.QuickPickItemKind.Separator },
    ...keys.map((key) => ({
      label: `$(key) ${key.name}`,
      description: current?.id === key.id ? vscode.l10n.t('{0} · used by VS Code', key.key_prefix) : key.key_prefix,
      detail: keyDetail(key),
      key,
      action: 'revoke' as const,
    })),
  ];
  const picked = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Omi: Manage API Keys'),
    placeHolder: vscode.l10n.t('Pick a key to revoke it, or create or rotate one'),
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
