import * as vscode from 'vscode';
import { ApiKeyStore } from './auth/apiKeyStore';
import { promptOnServerChange } from './auth/serverChangePrompt';
import { ServerSettings } from './auth/serverSettings';
import { SignInState } from './auth/signInState';
import { registerInsightsCommands } from './commands/insightsCommands';
import { manageKeys, rotateCurrentKey } from './commands/manageKeys';
import { openConversation } from './commands/openConversation';
import { setApiKey } from './commands/setApiKey';
import { signOut } from './commands/signOut';
import { registerViewCommands } from './commands/viewCommands';
import { OmiConnection } from './store/connection';
import { OmiStore } from './store/omiStore';
import { MemoryTranscriptCache } from './store/transcriptCache';
import { createLogger } from './util/logger';
import { CONVERSATION_SCHEME, ConversationDocuments } from './views/conversationDocument';
import { OmiViews } from './views/omiViews';
import { OmiStatusBar } from './views/statusBar';

/** What the extension exposes to its own integration tests (and nothing secret). */
export interface OmiExtensionApi {
  readonly signedIn: boolean;
  hasStoredKey(): Promise<boolean>;
  readonly views: OmiViews;
  readonly store: OmiStore;
  readonly statusBar: OmiStatusBar;
  /** Only when VS Code runs the extension's tests: the raw secret storage, to act as another window would. */
  readonly testing?: { secrets: vscode.SecretStorage };
}

export async function activate(context: vscode.ExtensionContext): Promise<OmiExtensionApi> {
  const log = createLogger();
  const server = new ServerSettings();
  const keyStore = new ApiKeyStore(context.secrets, server);
  const signIn = new SignInState(keyStore);
  const transcripts = new MemoryTranscriptCache();
  const connection = new OmiConnection(server, signIn, log, transcripts);
  const store = new OmiStore(connection, context.workspaceState, transcripts);
  const views = new OmiViews(store, signIn);
  const statusBar = new OmiStatusBar(signIn, connection);
  const conversationDocuments = new ConversationDocuments();
  const keyDependencies = { store: keyStore, state: signIn, connection, log };
  context.subscriptions.push(log, server, keyStore, signIn, connection, store, views, statusBar);

  context.subscriptions.push(
    promptOnServerChange(server, signIn),
    vscode.workspace.registerTextDocumentContentProvider(CONVERSATION_SCHEME, conversationDocuments),
    vscode.commands.registerCommand('omi.setApiKey', (key?: unknown) => setApiKey(keyDependencies, key)),
    vscode.commands.registerCommand('omi.signOut', (options?: { confirm?: boolean }) =>
      signOut(keyStore, signIn, log, { confirm: options?.confirm !== false }),
    ),
    vscode.commands.registerCommand('omi.manageKeys', () => manageKeys(keyDependencies)),
    vscode.commands.registerCommand('omi.rotateKey', () => rotateCurrentKey(keyDependencies)),
    vscode.commands.registerCommand('omi.showLog', () => log.show(true)),
    vscode.commands.registerCommand('omi.openConversation', (argument?: unknown) =>
      openConversation(store, conversationDocuments, argument),
    ),
    ...registerViewCommands(views),
    ...registerInsightsCommands({
      extensionUri: context.extensionUri,
      extensionId: context.extension.id,
      store,
      connection,
      signIn,
      log,
    }),
  );

  await signIn.reload();
  log.info(`Omi activated (${signIn.signedIn ? `signed in, key from ${signIn.apiKey?.source}` : 'signed out'}).`);

  return {
    get signedIn() {
      return signIn.signedIn;
    },
    hasStoredKey: () => keyStore.hasStoredKey(),
    views,
    store,
    statusBar,
    testing: context.extensionMode === vscode.ExtensionMode.Test ? { secrets: context.secrets } : undefined,
  };
}

export function deactivate(): void {}
