import { type ActionItemRow, embedded } from '../../data/dataset';
import { WRITE_SCOPES } from '../../data/keys';
import { isoDate } from '../../data/time';
import type { ActionItem } from '../../types';
import { authorize } from '../auth';
import { BodyReader, parseJsonBody } from '../body';
import { json, type Reply, type RequestContext } from '../context';
import { ApiError } from '../errors';
import { nextRandom, removeWhere, resortActionItems, stamp } from '../writes';

const BATCH_MAX = 50;

interface ActionItemInput {
  description: string | undefined;
  completed: boolean;
  dueMs: number | undefined;
}

function readActionItem(reader: BodyReader): ActionItemInput {
  return {
    description: reader.requiredString('description', { min: 1, max: 500 }),
    completed: reader.bool('completed') ?? false,
    dueMs: reader.datetime('due_at'),
  };
}

function writeAccess(ctx: RequestContext): void {
  authorize(ctx, WRITE_SCOPES.actionItems, ['action_items_write']);
}

/** A standalone item (conversation_id null), as the real server creates them. */
function insert(ctx: RequestContext, input: ActionItemInput & { description: string }): ActionItem {
  const rng = nextRandom(ctx.state, 'action-item');
  const nowMs = Date.now();
  const at = stamp(rng, nowMs);
  const item: ActionItem = {
    id: rng.uuid(),
    description: input.description.trim(),
    completed: input.completed,
    created_at: at,
    updated_at: at,
    due_at: input.dueMs === undefined ? null : isoDate(input.dueMs),
    completed_at: input.completed ? at : null,
    conversation_id: null,
  };
  ctx.state.dataset.actionItems.push({
    item,
    createdMs: nowMs,
    dueMs: input.dueMs ?? null,
    hidden: false,
    embedded: null,
  });
  return item;
}

function find(ctx: RequestContext, id: string): ActionItemRow {
  const row = ctx.state.dataset.actionItems.find((r) => !r.hidden && r.item.id === id);
  if (!row) {
    throw new ApiError(404, 'Action item not found');
  }
  return row;
}

/** POST /user/action-items {description 1-500, completed = false, due_at?} → the item. */
export function createActionItem(ctx: RequestContext): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const input = reader ? readActionItem(reader) : undefined;
  finish();
  if (!input?.description?.trim()) {
    throw new ApiError(422, 'description cannot be empty');
  }
  const item = insert(ctx, { ...input, description: input.description });
  resortActionItems(ctx.state.dataset);
  return json(item);
}

/** POST /user/action-items/batch {action_items: [at most 50]} → {action_items, created_count}. */
export function createActionItems(ctx: RequestContext): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const inputs = reader?.modelList('action_items', BATCH_MAX, readActionItem);
  finish();
  const list = inputs ?? [];
  if (list.some((input) => !input.description?.trim())) {
    throw new ApiError(422, 'All action items must have non-empty descriptions');
  }
  const items = list.map((input) => insert(ctx, { ...input, description: input.description ?? '' }));
  resortActionItems(ctx.state.dataset);
  return json({ action_items: items, created_count: items.length });
}

/**
 * PATCH /user/action-items/{id} with any of description, completed, due_at → the item. `completed` sets or
 * clears completed_at. A null `due_at` counts as not sent, so it never clears a date (the real server's quirk).
 */
export function updateActionItem(ctx: RequestContext, id: string): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const description = reader?.string('description', { min: 1, max: 500 });
  const completed = reader?.bool('completed');
  const dueMs = reader?.datetime('due_at');
  finish();

  const row = find(ctx, id);
  if (description === undefined && completed === undefined && dueMs === undefined) {
    throw new ApiError(422, 'At least one field must be provided');
  }
  const item = row.item;
  const at = stamp(nextRandom(ctx.state, 'action-item-update'));
  if (description !== undefined) item.description = description.trim();
  if (completed !== undefined) {
    item.completed = completed;
    item.completed_at = completed ? at : null;
  }
  if (dueMs !== undefined) {
    item.due_at = isoDate(dueMs);
    row.dueMs = dueMs;
  }
  item.updated_at = at;
  if (row.embedded) {
    Object.assign(row.embedded, embedded(item));
  }
  resortActionItems(ctx.state.dataset);
  return json(item);
}

/** DELETE /user/action-items/{id} → {"success": true}; also leaves its conversation's `action_items`. */
export function deleteActionItem(ctx: RequestContext, id: string): Reply {
  writeAccess(ctx);
  const row = find(ctx, id);
  const { dataset } = ctx.state;
  removeWhere(dataset.actionItems, (r) => r === row);
  const conversation = row.item.conversation_id ? dataset.conversationById.get(row.item.conversation_id) : undefined;
  const list = conversation?.summary.structured.action_items;
  if (list && row.embedded) {
    removeWhere(list, (copy) => copy === row.embedded);
  }
  resortActionItems(dataset);
  return json({ success: true });
}
