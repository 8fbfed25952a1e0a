import * as vscode from 'vscode';
import type { OmiStore } from '../store/omiStore';

/** `omi.clearCache`: forgets every loaded page and every cached transcript, in memory and on disk. */
export async function clearCache(store: OmiStore): Promise<void> {
  await store.clearPersistent();
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Omi: the cache is empty. Views and transcripts load again from Omi.'),
  );
}
