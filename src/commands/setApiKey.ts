import * as vscode from 'vscode';
import { isOmiApiError } from '../api/errors';
import { apiKeyFormatProblem, describeApiKey, normalizeApiKeyInput } from '../auth/apiKeyFormat';
import { type ApiKeyStore, SecretStorageUnavailableError } from '../auth/apiKeyStore';
import { describeAccess, type VerifiedKey, verifyApiKey } from '../auth/keyScopes';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import type { OmiConnection } from '../store/connection';
import { describeError } from '../util/errorMessage';
import type { Logger } from '../util/logger';

function whereKeysComeFrom(): string {
  return vscode.l10n.t(
    'Create a key in the Omi app: Settings > Developer > Developer API Keys > Create Key. Copy it at once: Omi shows it only once.',
  );
}

function validationOf(key: string): vscode.InputBoxValidationMessage | undefined {
  const problem = apiKeyFormatProblem(key);
  if (!problem) return undefined;
  const severity = problem.blocking
    ? vscode.InputBoxValidationSeverity.Error
    : vscode.InputBoxValidationSeverity.Warning;
  return { message: problem.message, severity };
}

/** Asks for the key in a password input box with live format checks. Resolves undefined when the user cancels. */
function askForApiKey(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    input.title = vscode.l10n.t('Omi: Set API Key');
    input.prompt = vscode.l10n.t(
      'Paste your Omi developer API key. It is kept in VS Code’s secret storage, nowhere else.',
    );
    input.placeholder = 'omi_dev_…';
    input.password = true;
    input.ignoreFocusOut = true;
    const helpButton: vscode.QuickInputButton = {
      iconPath: new vscode.ThemeIcon('question'),
      tooltip: vscode.l10n.t('Where do I get a key?'),
    };
    input.buttons = [helpButton];
    let settled = false;
    const finish = (value: string | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      input.dispose();
    };
    input.onDidChangeValue((value) => {
      input.validationMessage = value.trim() === '' ? undefined : validationOf(normalizeApiKeyInput(value));
    });
    input.onDidTriggerButton((button) => {
      if (button === helpButton) void vscode.window.showInformationMessage(whereKeysComeFrom(), { modal: false });
    });
    input.onDidAccept(() => {
      const key = normalizeApiKeyInput(input.value);
      const problem = apiKeyFormatProblem(key);
      if (problem?.blocking) {
        input.validationMessage = validationOf(key);
        return;
      }
      finish(key);
    });
    input.onDidHide(() => finish(undefined));
    input.show();
  });
}

function secretStorageHelp(): string {
  return vscode.l10n.t(
    'VS Code could not use the system keyring, so the key was not stored. On Linux, install and unlock a keyring (for example GNOME Keyring) or start VS Code with --password-store="gnome-libsecret". The key is never kept in plain text.',
  );
}

export interface SetApiKeyDependencies {
  store: ApiKeyStore;
  state: SignInState;
  connection: OmiConnection;
  log: Logger;
}

/**
 * `omi.setApiKey`. Checks the key with the server before storing it; nothing is stored when the check fails.
 * With a string argument (scripts, tests, key management) it skips the input box. Returns true when stored.
 */
export async function setApiKey(deps: SetApiKeyDependencies, keyArgument?: unknown): Promise<boolean> {
  const { store, state, connection, log } = deps;
  const typed = typeof keyArgument === 'string' ? normalizeApiKeyInput(keyArgument) : await askForApiKey();
  if (typed === undefined) return false;
  const problem = apiKeyFormatProblem(typed);
  if (problem?.blocking) {
    void vscode.window.showErrorMessage(problem.message);
    return false;
  }
  let verified: VerifiedKey;
  try {
    verified = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Omi: checking the key…'),
        cancellable: true,
      },
      (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return verifyApiKey(connection.clientForKey(typed), controller.signal);
      },
    );
  } catch (error) {
    if (isOmiApiError(error) && error.kind === 'aborted') return false;
    const reason = describeError(error).message;
    log.warn(`The key ${describeApiKey(typed)} was not stored: ${reason}`);
    const tryAgain = vscode.l10n.t('Try Again');
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('The key was not saved. {0}', reason), tryAgain, showLog)
      .then((choice) => {
        if (choice === tryAgain) void vscode.commands.executeCommand(COMMAND.setApiKey);
        if (choice === showLog) log.show(true);
      });
    return false;
  }
  const origin = connection.origin;
  if (origin) state.rememberVerified(origin, typed, verified);
  try {
    await store.store(typed);
  } catch (error) {
    if (error instanceof SecretStorageUnavailableError) {
      log.error('Secret storage is unavailable; the key was not stored.');
      void vscode.window.showErrorMessage(secretStorageHelp());
      return false;
    }
    throw error;
  }
  await state.reload();
  const prefix = verified.prefix ?? describeApiKey(typed);
  log.info(`API key ${describeApiKey(typed)} checked and stored in secret storage.`);
  const signedIn = verified.name
    ? vscode.l10n.t('Omi: signed in with key “{0}” ({1}).', verified.name, prefix)
    : vscode.l10n.t('Omi: signed in with key {0}.', describeApiKey(typed));
  const access = describeAccess(verified.scopes);
  void vscode.window.showInformationMessage(access ? vscode.l10n.t('{0} {1}.', signedIn, access) : signedIn);
  return true;
}
