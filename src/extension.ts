import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerActionItemSync } from './actionItemSync';
import { registerAskCommands } from './ask/askCommands';
import type { AskPanel } from './ask/askPanel';
import { registerChatParticipant } from './ask/chatParticipant';
import { OmiAsk } from './ask/omiAsk';
import { OmiQueries } from './ask/omiQueries';
import { registerOmiTools } from './ask/omiTools';
import { ApiKeyStore } from './auth/apiKeyStore';
import { verifyApiKey } from './auth/keyScopes';
import { ServerSettings } from './auth/serverSettings';
import { SignInState } from './auth/signInState';
import { registerAccountCommands } from './commands/accountCommands';
import { registerActionItemCommands } from './commands/actionItemCommands';
import { registerConversationCommands } from './commands/conversationCommands';
import { registerDailySummaryCommands } from './commands/dailySummaryCommands';
import { registerExportCommands } from './commands/exportCommands';
import { registerFilterCommands } from './commands/filterCommands';
import { registerGoalCommands } from './commands/goalCommands';
import { registerInsertCommands } from './commands/insertCommands';
import { registerInsightsCommands } from './commands/insightsCommands';
import { registerMemoryCommands } from './commands/memoryCommands';
import { registerViewCommands } from './commands/viewCommands';
import { ExportCheckpoints } from './export/exportCheckpoint';
import { OmiExporter } from './export/exporter';
import { registerNotes } from './notes';
import type { ItemLookup } from './notes/itemLookup';
import { OmiConnection } from './store/connection';
import { DiskListCache } from './store/diskListCache';
import { DiskTranscriptCache } from './store/diskTranscriptCache';
import { LayeredTranscriptCache } from './store/layeredTranscriptCache';
import { OmiStore } from './store/omiStore';
import { OmiWrites } from './store/omiWrites';
import { MemoryTranscriptCache } from './store/transcriptCache';
import { createLogger } from './util/logger';
import { holdCommandsUntil } from './util/registerCommand';
import { localDayKey } from './util/time';
import { OmiViews } from './views/omiViews';
import { OmiStatusBar } from './views/statusBar';
import type { DailySummaryPanel } from './webviews/dailySummary/dailySummaryPanel';
import { registerTranscripts } from './webviews/transcript/registerTranscripts';
import type { TranscriptPanels } from './webviews/transcript/transcriptPanels';

/**
 * What the extension exposes to its own tests and benchmarks. Only when VS Code runs it in test mode: these objects
 * hold the user's data and reach the key, so no other extension gets them.
 */
export interface OmiExtensionApi {
  /** How long activate() took, for the benchmarks. */
  readonly activationMs: number;
  /** Resolves once start-up has read the stored key (activate() returns before). */
  whenStarted(): Promise<void>;
  readonly signedIn: boolean;
  hasStoredKey(): Promise<boolean>;
  readonly views: OmiViews;
  readonly store: OmiStore;
  readonly statusBar: OmiStatusBar;
  readonly exporter: OmiExporter;
  /** Every change the extension makes to Omi data goes through here. */
  readonly writes: OmiWrites;
  /** Questions to Omi and their answers, and the Ask panel when open. */
  readonly ask: { session: OmiAsk; panel(): AskPanel | undefined; queries: OmiQueries };
  /** The Daily Summary panel, when open. */
  readonly dailySummary: { panel(): DailySummaryPanel | undefined; serializer: vscode.WebviewPanelSerializer };
  /** What unfinished exports fetched, kept on disk for Retry. */
  readonly exportCheckpoints: ExportCheckpoints;
  readonly transcripts: { panels: TranscriptPanels; cache: LayeredTranscriptCache };
  /** What the note providers (links, hovers, completion, backlinks) know of linked items. */
  readonly notes: { lookup: ItemLookup };
  /** Only when VS Code runs the extension's tests: the raw secret storage, to act as another window would. */
  readonly testing?: { secrets: vscode.SecretStorage; workspaceState: vscode.Memento };
}

export async function activate(context: vscode.ExtensionContext): Promise<OmiExtensionApi | undefined> {
  const activationStarted = performance.now();
  // Modules without a vscode import translate through @vscode/l10n: give it the bundle of VS Code's display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = createLogger();
  const server = new ServerSettings();
  const keyStore = new ApiKeyStore(context.secrets, server);
  // The connection is made just below; a key is checked only after activation, when it is first signed in.
  const signIn: SignInState = new SignInState(keyStore, (key) => verifyApiKey(connection.clientForKey(key.key)));
  // activate() registers and returns: the stored key is read meanwhile, and commands wait for it.
  const started = signIn.whenLoaded();
  holdCommandsUntil(started);
  const transcriptDisk = new DiskTranscriptCache(
    vscode.Uri.joinPath(context.globalStorageUri, 'transcripts').fsPath,
    (): string | undefined => connection.accountId,
  );
  const transcripts = new LayeredTranscriptCache(new MemoryTranscriptCache(), transcriptDisk);
  const connection = new OmiConnection(server, signIn, log, transcripts);
  const exportCheckpoints = new ExportCheckpoints(
    vscode.Uri.joinPath(context.globalStorageUri, 'export-checkpoints').fsPath,
    { log: (line) => log.info(line) },
  );
  const store = new OmiStore(
    connection,
    context.workspaceState,
    transcripts,
    new DiskListCache(context.globalStorageUri),
    exportCheckpoints,
  );
  const views = new OmiViews(store, signIn);
  const writes = new OmiWrites(connection, store, signIn, log, transcripts);
  // The conversation commands ask the transcript panels for the one in front.
  const panels = registerTranscripts(context, { store, connection, signIn, log, writes });
  const ask = new OmiAsk(connection, signIn, context.globalState, log);
  const queries = new OmiQueries(store, connection, transcripts);
  views.searchByMeaning = (query) => queries.searchMemories(query, 50);
  const askCommands = registerAskCommands({ extensionUri: context.extensionUri, ask, signIn });
  const summaryCommands = registerDailySummaryCommands({
    extensionUri: context.extensionUri,
    extras: store.extras,
    signIn,
  });
  const statusBar = new OmiStatusBar(signIn, connection);
  const exporter = new OmiExporter({ connection, transcripts, checkpoints: exportCheckpoints, log });
  context.subscriptions.push(log, server, keyStore, signIn, connection, store, views, writes, statusBar);

  context.subscriptions.push(
    ...registerAccountCommands({ server, keyStore, signIn, connection, store, log }),
    ...registerViewCommands(views),
    ...registerFilterCommands(store, views),
    ...registerExportCommands(exporter, store, signIn),
    ...registerInsertCommands(store, signIn),
    ...registerActionItemCommands({ store, signIn, writes, views }),
    ...registerMemoryCommands({ store, signIn, writes }),
    ...registerConversationCommands({
      store,
      signIn,
      writes,
      activePanelConversation: () => {
        const panel = panels.all.find((p) => p.panel.active);
        return panel?.content?.conversation ?? panel?.conversationId;
      },
    }),
    ...registerGoalCommands({ store, signIn, writes }),
    ...summaryCommands.disposables,
    ask,
    ...askCommands.disposables,
    registerChatParticipant({
      signIn,
      queries,
      ask,
      extensionId: context.extension.id,
      extensionUri: context.extensionUri,
      todaysSummary: () => store.extras.summaryForDay(localDayKey(new Date())),
    }),
    registerOmiTools({ signIn, queries, ask }),
    ...registerInsightsCommands({ extensionUri: context.extensionUri, store, connection, signIn, writes, log }),
    ...registerActionItemSync({
      store,
      connection,
      signIn,
      writes,
      workspaceState: context.workspaceState,
      log,
      extensionId: context.extension.id,
    }),
  );

  const notes = registerNotes({
    store,
    connection,
    transcripts,
    views,
    signedIn: () => signIn.signedIn,
    activeConversation: () => panels.active?.conversationId,
    log,
    searchByMeaning: (query, signal) => queries.searchMemories(query, 10, signal),
  });
  context.subscriptions.push(...notes.disposables);
  const activationMs = performance.now() - activationStarted;
  log.info(`Omi activated in ${activationMs.toFixed(1)} ms.`);
  started.then(
    () => log.info(signIn.signedIn ? `Signed in, key from ${signIn.apiKey?.source}.` : 'Signed out.'),
    (error: unknown) => log.error(`The stored API key could not be read: ${String(error)}`),
  );

  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    activationMs,
    whenStarted: () => started,
    get signedIn() {
      return signIn.signedIn;
    },
    hasStoredKey: () => keyStore.hasStoredKey(),
    views,
    store,
    statusBar,
    exporter,
    writes,
    ask: { session: ask, panel: askCommands.panel, queries },
    dailySummary: { panel: summaryCommands.panel, serializer: summaryCommands.serializer },
    exportCheckpoints,
    transcripts: { panels, cache: transcripts },
    notes: { lookup: notes.lookup },
    testing: { secrets: context.secrets, workspaceState: context.workspaceState },
  };
}

export function deactivate(): void {}
