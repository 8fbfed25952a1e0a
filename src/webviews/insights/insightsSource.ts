import * as l10n from '@vscode/l10n';
import type { ActionItem, Conversation, Memory } from '../../api/models';
import type { RawLists } from '../../insights/select';
import type { OmiConnection } from '../../store/connection';
import { type FullList, loadFullList } from '../../store/fullLists';
import type { OmiStore } from '../../store/omiStore';
import type { ItemChange } from '../../store/omiWrites';
import { type ListKind, listNoun } from '../../util/listKind';

export interface SourceLoadOptions {
  /** Fetch again even what is held (the panel's Refresh). */
  force: boolean;
  signal: AbortSignal;
  onProgress(message: string): void;
}

/**
 * The unfiltered lists Insights is built from, held for the window's life: reopening the panel or changing its
 * range costs no request. A kind is kept only once it arrived whole, so a cancelled load resumes where it stopped.
 */
export class InsightsSource {
  private memories: FullList<Memory> | undefined;
  private conversations: FullList<Conversation> | undefined;
  private actionItems: FullList<ActionItem> | undefined;
  private generation = 0;

  constructor(
    private readonly store: OmiStore,
    private readonly connection: OmiConnection,
  ) {}

  /** The lists, when all three are held. */
  get cached(): RawLists | undefined {
    const { memories, conversations, actionItems } = this;
    if (!memories || !conversations || !actionItems) return undefined;
    return {
      memories: memories.items,
      conversations: conversations.items,
      actionItems: actionItems.items,
      actionItemsCapped: actionItems.capped,
    };
  }

  /**
   * Takes in a change the user made through the extension, so the numbers follow it without fetching the lists
   * again. A kind not held yet is fetched whole when it is needed, with the change in it.
   */
  apply(change: ItemChange): void {
    const held = this[change.kind] as FullList<{ id: string }> | undefined;
    if (!held) return;
    const at = held.items.findIndex((item) => item.id === (change.change === 'deleted' ? change.id : change.item.id));
    if (change.change === 'deleted') {
      if (at >= 0) held.items.splice(at, 1);
    } else if (at >= 0) {
      held.items[at] = change.item;
    } else if (change.change === 'created') {
      held.items.unshift(change.item);
    }
  }

  /** Forgets everything (sign out, another key or server). */
  clear(): void {
    this.generation++;
    this.memories = undefined;
    this.conversations = undefined;
    this.actionItems = undefined;
  }

  async load(options: SourceLoadOptions): Promise<RawLists> {
    if (options.force) this.clear();
    const generation = this.generation;
    const fetch = async <K extends ListKind>(kind: K) => {
      const client = this.connection.client;
      const list = await loadFullList(this.store, client, kind, {
        signal: options.signal,
        onProgress: (count) => options.onProgress(l10n.t('{0} {1} loaded…', count.toLocaleString(), listNoun(kind))),
      });
      options.signal.throwIfAborted();
      return list;
    };
    // One kind after another: a burst of parallel requests would only meet the rate limit sooner.
    const memories = this.memories ?? (await fetch('memories'));
    if (generation === this.generation) this.memories = memories;
    const conversations = this.conversations ?? (await fetch('conversations'));
    if (generation === this.generation) this.conversations = conversations;
    const actionItems = this.actionItems ?? (await fetch('actionItems'));
    if (generation === this.generation) this.actionItems = actionItems;
    return {
      memories: memories.items,
      conversations: conversations.items,
      actionItems: actionItems.items,
      actionItemsCapped: actionItems.capped,
    };
  }
}
