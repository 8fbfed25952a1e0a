import * as vscode from 'vscode';
import { MEMORY_BATCH_LIMIT, type OmiClient } from '../api/client';
import { isOmiApiError, REFUSAL, requiredScope } from '../api/errors';
import type {
  ActionItem,
  ActionItemChanges,
  Conversation,
  Goal,
  Memory,
  MemoryChanges,
  NewActionItem,
  NewConversation,
  NewGoal,
  NewMemory,
} from '../api/models';
import type { WritableKind } from '../auth/keyScopes';
import type { SignInState } from '../auth/signInState';
import type { ListKind } from '../util/listKind';
import type { Logger } from '../util/logger';
import { formatDuration } from '../util/time';
import type { OmiConnection } from './connection';
import { listed, type Processed, retitled, stillProcessing, whenProcessed } from './conversationProcessing';
import { stillMatches } from './filters';
import type { ListItemTypes, OmiStore } from './omiStore';

/** What a write did to one item, for whoever keeps Omi data of their own (Insights, the checklist). */
export type ItemChange<K extends ListKind = ListKind> =
  | { kind: K; change: 'created' | 'updated'; item: ListItemTypes[K] }
  | { kind: K; change: 'deleted'; id: string };

/** The conversation title an open transcript panel should show now: the one typed, the server's, or the old one back. */
export interface ConversationTitleShown {
  id: string;
  title: string;
}

/** The cached copies of conversations with their transcripts (memory and disk), kept in step with writes. */
export interface ConversationCopies {
  get(id: string): Conversation | undefined | Promise<Conversation | undefined>;
  set(id: string, conversation: Conversation): void | Promise<void>;
  delete(id: string): void | Promise<void>;
}

/** A change to one item that stays in its list. */
interface Change<K extends ListKind> {
  kind: K;
  /** For the log and the rate-limit notice: "complete action item", never the user's text. */
  action: string;
  /** The item as it is before the change. */
  before: ListItemTypes[K];
  /** How the UI shows it until the server answers. */
  shown: ListItemTypes[K];
  /** Sends it; resolves to the item as the server has it now, when its answer holds it. */
  send: (client: OmiClient) => Promise<ListItemTypes[K] | undefined>;
}

/**
 * The one place that changes Omi data. A write shows at once in the store's list (and so in every view), is sent,
 * and then the list holds the server's answer; a refusal puts the item back as it was and rethrows the error for the
 * command to say so. Writes to one item go one after another, so two quick clicks cannot cross on the wire.
 */
export class OmiWrites implements vscode.Disposable {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly changed = new vscode.EventEmitter<ItemChange>();
  readonly onDidChangeItem = this.changed.event;
  private readonly titleShown = new vscode.EventEmitter<ConversationTitleShown>();
  /** A rename shows at once, then the server's title, or the old one again when refused: for open transcript panels. */
  readonly onDidShowConversationTitle = this.titleShown.event;

  constructor(
    private readonly connection: OmiConnection,
    private readonly store: OmiStore,
    private readonly signIn: SignInState,
    private readonly log: Logger,
    private readonly transcripts?: ConversationCopies,
  ) {}

  setActionItemCompleted(item: ActionItem, completed: boolean): Promise<ActionItem> {
    const now = new Date().toISOString();
    return this.update({
      kind: 'actionItems',
      action: completed ? 'complete action item' : 'reopen action item',
      before: item,
      shown: { ...item, completed, completed_at: completed ? now : null, updated_at: now },
      send: (client) => client.updateActionItem(item.id, { completed }),
    });
  }

  updateActionItem(item: ActionItem, changes: ActionItemChanges): Promise<ActionItem> {
    return this.update({
      kind: 'actionItems',
      action: 'edit action item',
      before: item,
      shown: { ...item, ...changes, updated_at: new Date().toISOString() },
      send: (client) => client.updateActionItem(item.id, changes),
    });
  }

  async createActionItem(input: NewActionItem): Promise<ActionItem> {
    const created = await this.send('create action item', (client) => client.createActionItem(input), 'actionItems');
    this.added('actionItems', created);
    return created;
  }

  deleteActionItem(item: ActionItem): Promise<void> {
    return this.remove('actionItems', item, 'delete action item', (client) => client.deleteActionItem(item.id));
  }

  updateMemory(memory: Memory, changes: MemoryChanges): Promise<Memory> {
    return this.update({
      kind: 'memories',
      action: 'edit memory',
      before: memory,
      shown: { ...memory, ...changes, edited: true, updated_at: new Date().toISOString() },
      send: (client) => client.updateMemory(memory.id, changes),
    });
  }

  /** One request for one memory; the batch endpoint, 25 at a time, for several. Returns what Omi created. */
  async createMemories(inputs: readonly NewMemory[]): Promise<Memory[]> {
    const created: Memory[] = [];
    const [first] = inputs;
    if (inputs.length === 1 && first) {
      created.push(await this.send('create memory', (client) => client.createMemory(first), 'memories'));
    } else {
      for (let start = 0; start < inputs.length; start += MEMORY_BATCH_LIMIT) {
        const batch = inputs.slice(start, start + MEMORY_BATCH_LIMIT);
        created.push(...(await this.send('create memories', (client) => client.createMemories(batch), 'memories')));
      }
    }
    for (const memory of created) this.added('memories', memory);
    return created;
  }

  deleteMemory(memory: Memory): Promise<void> {
    return this.remove('memories', memory, 'delete memory', (client) => client.deleteMemory(memory.id));
  }

  // Conversations

  /**
   * Renames a conversation. The list, the cached transcript and any open transcript panel show the new title at once;
   * then the server's answer (the whole conversation, its transcript included) is kept; a refusal puts the old title
   * back everywhere.
   */
  renameConversation(conversation: Conversation, title: string): Promise<Conversation> {
    const trimmed = title.trim();
    return this.update({
      kind: 'conversations',
      action: 'rename conversation',
      before: conversation,
      shown: retitled(listed(conversation), trimmed),
      send: async (client) => {
        const undo = await this.retitleCopies(conversation.id, trimmed);
        try {
          const answer = await client.updateConversation(conversation.id, { title: trimmed });
          await this.keepCopy(answer);
          const kept = answer ? listed(answer) : undefined;
          this.titleShown.fire({ id: conversation.id, title: kept?.structured?.title ?? trimmed });
          return kept;
        } catch (error) {
          await undo();
          throw error;
        }
      },
    });
  }

  /**
   * Deletes a conversation: it leaves the list at once (and comes back if Omi refuses). Once Omi has deleted it, its
   * cached transcript is forgotten and its open transcript panel closes (on the 'deleted' change).
   */
  async deleteConversation(conversation: Conversation): Promise<void> {
    await this.remove('conversations', conversation, 'delete conversation', (client) =>
      client.deleteConversation(conversation.id),
    );
    await this.forgetCopy(conversation.id);
  }

  /**
   * Sends text to Omi as a new conversation (one POST, never repeated) and waits, with growing pauses, while Omi
   * processes it; the processed conversation goes at the top of the list when the filter lets it in. Rejects only
   * when Omi refused the text: once Omi has it, a failed or stopped wait resolves as still processing.
   */
  async createConversation(
    input: NewConversation,
    options: { signal?: AbortSignal; onSent?: () => void } = {},
  ): Promise<Processed> {
    const created = await this.send(
      'create conversation',
      (client) => client.createConversation(input),
      'conversations',
    );
    options.onSent?.();
    let processed: Processed;
    try {
      processed = await whenProcessed(created, (id, signal) => this.connection.client.getConversation(id, { signal }), {
        signal: options.signal,
      });
    } catch (error) {
      this.log.warn(
        `Omi: waiting for the new conversation stopped: ${isOmiApiError(error) ? error.message : String(error)}`,
      );
      return { outcome: 'processing', id: created.id };
    }
    this.log.info(`Omi: new conversation ${processed.outcome}.`);
    if (processed.outcome === 'ready') this.added('conversations', listed(processed.conversation));
    return processed;
  }

  /** Shows `title` in the cached transcript and open panels; returns how to put the old title back. */
  private async retitleCopies(id: string, title: string): Promise<() => Promise<void>> {
    const cached = await this.cachedCopy(id);
    if (cached) await this.safely(() => this.transcripts?.set(id, retitled(cached, title)));
    const listedBefore = this.store.list('conversations').find(id);
    const oldTitle = cached?.structured?.title ?? listedBefore?.structured?.title;
    this.titleShown.fire({ id, title });
    return async () => {
      if (cached) await this.safely(() => this.transcripts?.set(id, cached));
      if (oldTitle !== undefined) this.titleShown.fire({ id, title: oldTitle });
    };
  }

  /** Keeps the server's answer as the cached transcript when it holds a finished one. */
  private async keepCopy(answer: Conversation | undefined): Promise<void> {
    if (!answer || !Array.isArray(answer.transcript_segments) || stillProcessing(answer.status)) return;
    await this.safely(() => this.transcripts?.set(answer.id, answer));
  }

  private async forgetCopy(id: string): Promise<void> {
    await this.safely(() => this.transcripts?.delete(id));
  }

  private async cachedCopy(id: string): Promise<Conversation | undefined> {
    try {
      return await this.transcripts?.get(id);
    } catch {
      return undefined;
    }
  }

  /** The caches only save requests: one that fails must not fail the write. */
  private async safely(work: () => void | Promise<void> | undefined): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.log.warn(`Omi: the transcript cache could not be updated: ${String(error)}`);
    }
  }

  /**
   * A goal's progress: shown at once in the Goals view, then as Omi has it; put back as it was when Omi refuses.
   * Its history is asked again next time it is shown.
   */
  updateGoalProgress(goal: Goal, value: number): Promise<Goal> {
    const goals = this.store.extras.goals();
    const shown: Goal = {
      ...goal,
      current_value: value,
      metric: goal.metric ? { ...goal.metric, current: value } : goal.metric,
      updated_at: new Date().toISOString(),
    };
    return this.oneAtATime(goal.id, async () => {
      goals.replace(shown);
      try {
        const answer =
          (await this.send('update goal progress', (c) => c.updateGoalProgress(goal.id, value), 'goals')) ?? shown;
        goals.replace(answer);
        this.store.extras.forgetGoalHistory(goal.id);
        return answer;
      } catch (error) {
        if (this.store.extras.goals() === goals) goals.replace(goal);
        throw error;
      }
    });
  }

  async createGoal(input: NewGoal): Promise<Goal> {
    const created = await this.send('create goal', (client) => client.createGoal(input), 'goals');
    this.store.extras.goals().insert(created, 0);
    return created;
  }

  async deleteGoal(goal: Goal): Promise<void> {
    await this.oneAtATime(goal.id, async () => {
      const goals = this.store.extras.goals();
      const removed = goals.remove(goal.id);
      try {
        await this.send('delete goal', (client) => client.deleteGoal(goal.id), 'goals');
      } catch (error) {
        if (isOmiApiError(error) && error.refusal === REFUSAL.itemMissing) return;
        if (removed && this.store.extras.goals() === goals) goals.insert(removed.item, removed.index);
        throw error;
      }
    });
  }

  /** Changes an item in place; the server's answer (or, when it sends none, the change as shown) is kept. */
  private async update<K extends ListKind>(change: Change<K>): Promise<ListItemTypes[K]> {
    return this.oneAtATime(change.before.id, async () => {
      const undo = this.show(change.kind, change.shown);
      try {
        const answer = (await this.send(change.action, change.send, change.kind)) ?? change.shown;
        this.show(change.kind, answer);
        this.changed.fire({ kind: change.kind, change: 'updated', item: answer } as ItemChange);
        return answer;
      } catch (error) {
        undo();
        throw error;
      }
    });
  }

  /** Takes the item out of its list at once and deletes it; a refusal puts it back where it was. */
  private async remove<K extends ListKind>(
    kind: K,
    item: ListItemTypes[K],
    action: string,
    send: (client: OmiClient) => Promise<void>,
  ): Promise<void> {
    await this.oneAtATime(item.id, async () => {
      const list = this.store.list(kind);
      const removed = list.remove(item.id);
      const deleted = () => this.changed.fire({ kind, change: 'deleted', id: item.id } as ItemChange);
      try {
        await this.send(action, send, kind);
        deleted();
      } catch (error) {
        // Deleting what is already gone did what the user asked.
        if (isOmiApiError(error) && error.refusal === REFUSAL.itemMissing) return deleted();
        if (removed && this.store.list(kind) === list) list.insert(removed.item, removed.index);
        throw error;
      }
    });
  }

  /** A created item goes at the top of its list, where the server lists new ones, when the filter lets it in. */
  private added<K extends ListKind>(kind: K, item: ListItemTypes[K]): void {
    if (stillMatches(kind, this.store.filter(kind), item)) this.store.list(kind).insert(item, 0);
    this.changed.fire({ kind, change: 'created', item } as ItemChange);
  }

  /**
   * Shows `item` in the list (or takes it out when the list's filter no longer lets it in) and returns how to put
   * back what was there.
   */
  private show<K extends ListKind>(kind: K, item: ListItemTypes[K]): () => void {
    const list = this.store.list(kind);
    const previous = list.find(item.id);
    if (!previous) return () => undefined;
    if (stillMatches(kind, this.store.filter(kind), item)) {
      list.replace(item);
      return () => {
        if (this.store.list(kind) === list && !list.replace(previous)) list.insert(previous);
      };
    }
    const removed = list.remove(item.id);
    return () => {
      if (removed && this.store.list(kind) === list) list.insert(removed.item, removed.index);
    };
  }

  /** Sends one write, saying in the log what it is and, if Omi's rate limit holds it back, telling the user. */
  private async send<T>(
    action: string,
    send: (client: OmiClient) => Promise<T>,
    kind?: ListKind | 'goals',
  ): Promise<T> {
    const waiting = this.connection.onDidWaitForRateLimit((event) => {
      if (event.method === 'GET') return;
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          "Omi's rate limit was reached: the change is sent in {0}, as Omi asked.",
          formatDuration(event.waitMs / 1000, { round: 'up' }),
        ),
      );
    });
    try {
      const result = await send(this.connection.client);
      this.log.info(`Omi: ${action} done.`);
      return result;
    } catch (error) {
      this.log.warn(`Omi: ${action} failed: ${isOmiApiError(error) ? error.message : String(error)}`);
      const scope = isOmiApiError(error) ? requiredScope(error) : undefined;
      if (kind && scope?.endsWith(':write')) this.signIn.learnReadOnly(kind satisfies WritableKind);
      throw error;
    } finally {
      waiting.dispose();
    }
  }

  private oneAtATime<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }

  dispose(): void {
    this.changed.dispose();
    this.titleShown.dispose();
  }
}
