// The checklist of action items in a Markdown file: `omi.syncActionItems`, and the optional sync after each refresh
// of the Action Items list. The sync itself is in syncActionItems.ts.
import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import type { OmiStore } from '../store/omiStore';
import { registerCommand } from '../util/registerCommand';
import { type ActionItemSyncDependencies, syncActionItems } from './syncActionItems';

/** Registers the sync command and the sync on refresh; one sync runs at a time. */
export function registerActionItemSync(deps: ActionItemSyncDependencies): vscode.Disposable[] {
  // A sync on refresh and the command must not both send the same ticks.
  let queue: Promise<unknown> = Promise.resolve();
  const sync = (interactive: boolean) => {
    const run = queue.then(() => syncActionItems(deps, { interactive }));
    queue = run.catch(() => undefined);
    return run;
  };
  return [
    new SyncOnRefresh(
      deps.store,
      () => sync(false),
      () => deps.signIn.signedIn,
    ),
    registerCommand(COMMAND.syncActionItems, () => sync(true)),
  ];
}

/**
 * With `omi.actionItems.syncOnRefresh`, syncs the checklist after each refresh of the Action Items list (a refresh
 * replaces the list's items when the new ones have arrived). Runs one sync at a time; refreshes that arrive during
 * a sync make one more run afterwards.
 */
class SyncOnRefresh implements vscode.Disposable {
  private listSubscription: { dispose(): void } | undefined;
  private readonly storeSubscription: vscode.Disposable;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly store: OmiStore,
    private readonly sync: () => Promise<unknown>,
    private readonly signedIn: () => boolean,
  ) {
    this.storeSubscription = store.onDidReplaceList((kind) => {
      if (kind === 'actionItems') this.watch();
    });
    this.watch();
  }

  private watch(): void {
    this.listSubscription?.dispose();
    const list = this.store.list('actionItems');
    this.listSubscription = list.onDidChange((change) => {
      if (change.kind === 'replaced' && list.started && list.error === undefined) this.schedule();
    });
  }

  private enabled(): boolean {
    const config = vscode.workspace.getConfiguration('omi', vscode.workspace.workspaceFolders?.[0]);
    return config.get<boolean>('actionItems.syncOnRefresh', false) && this.signedIn();
  }

  private schedule(): void {
    if (!this.enabled()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.sync();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves when no sync is running (for tests). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  dispose(): void {
    this.listSubscription?.dispose();
    this.storeSubscription.dispose();
  }
}
