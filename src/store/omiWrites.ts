import * as vscode from 'vscode';
import { MEMORY_BATCH_LIMIT, type OmiClient } from '../api/client';
import { isOmiApiError, REFUSAL, requiredScope } from '../api/errors';
import type {
  ActionItem,
  ActionItemChanges,
  Goal,
  Memory,
  MemoryChanges,
  NewActionItem,
  NewGoal,
  NewMemory,
} from '../api/models';
import type { WritableKind } from '../auth/keyScopes';
import type { SignInState } from '../auth/signInState';
import { formatWait } from '../util/errorMessage';
import type { Logger } from '../util/logger';
import type { OmiConnection } from './connection';
import { stillMatches } from './filters';
import type { ListItemTypes, ListKind, OmiStore } from './omiStore';

/** What a write did to one item, for whoever keeps Omi data of their own (Insights, the checklist). */
export type ItemChange<K extends ListKind = ListKind> =
  | { kind: K; change: 'created' | 'updated'; item: ListItemTypes[K] }
  | { kind: K; change: 'deleted'; id: string };

interface Write<K extends ListKind> {
  kind: K;
  /** For the log and the rate-limit notice: "complete action item", never the user's text. */
  action: string;
  /** The item as it is before the write; undefined when the write creates one. */
  before?: ListItemTypes[K];
  /** How the UI shows it until the server answers: the changed item, or undefined when it is removed. */
  shown: ListItemTypes[K] | undefined;
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

  constructor(
    private readonly connection: OmiConnection,
    private readonly store: OmiStore,
    private readonly signIn: SignInState,
    private readonly log: Logger,
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
    const created = await this.send('create action item', (client) => client.createActionItem(input));
    this.added('actionItems', created);
    return created;
  }

  deleteActionItem(item: ActionItem): Promise<void> {
    return this.remove({
      kind: 'actionItems',
      action: 'delete action item',
      before: item,
      shown: undefined,
      send: async (client) => {
        await client.deleteActionItem(item.id);
        return undefined;
      },
    });
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
      created.push(await this.send('create memory', (client) => client.createMemory(first)));
    } else {
      for (let start = 0; start < inputs.length; start += MEMORY_BATCH_LIMIT) {
        const batch = inputs.slice(start, start + MEMORY_BATCH_LIMIT);
        created.push(...(await this.send('create memories', (client) => client.createMemories(batch))));
      }
    }
    for (const memory of created) this.added('memories', memory);
    return created;
  }

  deleteMemory(memory: Memory): Promise<void> {
    return this.remove({
      kind: 'memories',
      action: 'delete memory',
      before: memory,
      shown: undefined,
      send: async (client) => {
        await client.deleteMemory(memory.id);
        return undefined;
      },
    });
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
  private async update<K extends ListKind>(write: Write<K>): Promise<ListItemTypes[K]> {
    const before = write.before as ListItemTypes[K];
    const id = before.id;
    return this.oneAtATime(id, async () => {
      const undo = this.show(write.kind, write.shown as ListItemTypes[K]);
      try {
        const answer = (await this.send(write.action, write.send, write.kind)) ?? (write.shown as ListItemTypes[K]);
        this.show(write.kind, answer);
        this.changed.fire({ kind: write.kind, change: 'updated', item: answer } as ItemChange);
        return answer;
      } catch (error) {
        undo();
        throw error;
      }
    });
  }

  private async remove<K extends ListKind>(write: Write<K>): Promise<void> {
    const before = write.before as ListItemTypes[K];
    await this.oneAtATime(before.id, async () => {
      const list = this.store.list(write.kind);
      const removed = list.remove(before.id);
      try {
        await this.send(write.action, write.send, write.kind);
        this.changed.fire({ kind: write.kind, change: 'deleted', id: before.id } as ItemChange);
      } catch (error) {
        // Deleting what is already gone did what the user asked.
        if (isOmiApiError(error) && error.refusal === REFUSAL.itemMissing) {
          this.changed.fire({ kind: write.kind, change: 'deleted', id: before.id } as ItemChange);
          return;
        }
        if (removed && this.store.list(write.kind) === list) list.insert(removed.item, removed.index);
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
          formatWait(event.waitMs),
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
  }
}
