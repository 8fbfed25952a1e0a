import * as vscode from 'vscode';
import { isOmiApiError, REFUSAL } from '../api/errors';
import type { Conversation } from '../api/models';
import type { ItemLink, LinkedItem } from '../markdown/itemLinks';
import type { OmiConnection } from '../store/connection';
import type { OmiStore } from '../store/omiStore';
import { describeError } from '../util/errorMessage';
import type { LookupResult } from './hoverText';

export interface ItemLookupDependencies {
  store: OmiStore;
  connection: OmiConnection;
  /** The transcript cache (memory, then disk): conversations opened before. */
  transcripts: { get(id: string): Promise<Conversation | undefined> };
  signedIn: () => boolean;
}

/** How long an item fetched for a hover is reused before it is asked for again. */
const REMOTE_TTL_MS = 30_000;

/**
 * Finds the item an Omi link points at, as Omi has it now: from the store's loaded lists first, then the transcript
 * cache, then by one request (memories and conversations; the API has no route for one action item). A fetched
 * item is reused for a while, so hovering the same link again costs nothing.
 */
export class ItemLookup {
  private readonly remote = new Map<string, { at: number; result: Promise<LookupResult> }>();

  constructor(private readonly deps: ItemLookupDependencies) {
    deps.store.onDidForgetData(() => this.remote.clear());
  }

  /** What the loaded lists hold for the link, without any request. */
  loaded(link: ItemLink): LinkedItem | undefined {
    const { store } = this.deps;
    switch (link.kind) {
      case 'memory': {
        const item = store.list('memories').find(link.id);
        return item && { kind: 'memory', item };
      }
      case 'conversation': {
        const item = store.list('conversations').find(link.id);
        return item && { kind: 'conversation', item };
      }
      case 'actionItem': {
        const item = store.list('actionItems').find(link.id);
        return item && { kind: 'actionItem', item };
      }
    }
  }

  async lookup(link: ItemLink, token?: vscode.CancellationToken): Promise<LookupResult> {
    if (!this.deps.signedIn()) {
      return { state: 'unknown', reason: vscode.l10n.t('Sign in to Omi to see what this item says now.') };
    }
    const loaded = this.loaded(link);
    if (loaded) return { state: 'found', entry: loaded };
    if (link.kind === 'conversation') {
      const cached = await this.deps.transcripts.get(link.id).catch(() => undefined);
      if (cached) return { state: 'found', entry: { kind: 'conversation', item: cached } };
    }
    if (link.kind === 'actionItem') {
      return {
        state: 'unknown',
        reason: vscode.l10n.t('This action item is not loaded: open the Action Items view to see it.'),
      };
    }
    const key = `${link.kind}:${link.id}`;
    const kept = this.remote.get(key);
    if (kept && Date.now() - kept.at < REMOTE_TTL_MS) return kept.result;
    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    const result = this.fetch(link, controller.signal);
    this.remote.set(key, { at: Date.now(), result });
    try {
      const answer = await result;
      // A cancelled or failed lookup is not kept: the next hover asks again.
      if (answer.state === 'unknown') this.remote.delete(key);
      return answer;
    } finally {
      cancel?.dispose();
    }
  }

  private async fetch(link: ItemLink, signal: AbortSignal): Promise<LookupResult> {
    const client = this.deps.connection.client;
    try {
      if (link.kind === 'memory') {
        return { state: 'found', entry: { kind: 'memory', item: await client.getMemory(link.id, { signal }) } };
      }
      const conversation = await client.getConversation(link.id, { signal });
      return { state: 'found', entry: { kind: 'conversation', item: conversation } };
    } catch (error) {
      if (isOmiApiError(error) && error.refusal === REFUSAL.itemMissing) return { state: 'deleted' };
      if (isOmiApiError(error) && error.refusal === REFUSAL.endpointMissing) {
        return {
          state: 'unknown',
          reason: vscode.l10n.t('Not loaded, and this Omi server cannot fetch one item: load it in the Omi views.'),
        };
      }
      return { state: 'unknown', reason: describeError(error).message };
    }
  }

  /** Forgets what hovers fetched (after a write, say). */
  forget(): void {
    this.remote.clear();
  }
}
