import * as vscode from 'vscode';
import type { OmiStore } from '../store/omiStore';

/**
 * With `omi.actionItems.syncOnRefresh`, syncs the checklist after each refresh of the Action Items list (a refresh
 * replaces the list's items when the new ones have arrived). Runs one sync at a time; refreshes that arrive during
 * a sync make one more run afterwards.
 */
export class SyncOnRefresh implements vscode.Disposable {
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
