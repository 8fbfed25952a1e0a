import { MEMORY_CATEGORIES, type MemoryCategory } from '../../../api/models';
import type { MemoryRow } from '../../data/dataset';
import { SCOPES, WRITE_SCOPES } from '../../data/keys';
import { scoring } from '../../data/memories';
import { categorizeMemory } from '../../data/processing';
import type { Memory } from '../../types';
import { authorize } from '../auth';
import { BodyReader, parseJsonBody } from '../body';
import { json, type Reply, type RequestContext } from '../context';
import { ApiError } from '../errors';
import { nextRandom, removeWhere, resortMemories, stamp } from '../writes';

const PAYWALL = 'A paid plan is required to access this memory.';
const BATCH_MAX = 25;

interface MemoryInput {
  content: string | undefined;
  category: MemoryCategory | undefined;
  visibility: string;
  tags: string[];
}

function readMemory(reader: BodyReader): MemoryInput {
  return {
    content: reader.requiredString('content', { min: 1, max: 500 }),
    category: reader.enumValue('category', MEMORY_CATEGORIES),
    visibility: reader.string('visibility') ?? 'private',
    tags: reader.stringList('tags') ?? [],
  };
}

/** What POST answers: the real server's MemoryResponse, nine fields (lists add reviewed, user_review, edited). */
function created(memory: Memory): unknown {
  const { id, content, category, visibility, tags, created_at, updated_at, manually_added } = memory;
  return { id, content, category, visibility, tags, created_at, updated_at, manually_added, scoring: memory.scoring };
}

function insert(ctx: RequestContext, input: MemoryInput & { content: string }): Memory {
  const rng = nextRandom(ctx.state, 'memory');
  const nowMs = Date.now();
  const at = stamp(rng, nowMs);
  const content = input.content.trim();
  const memory: Memory = {
    id: rng.uuid(),
    content,
    category: input.category ?? categorizeMemory(content),
    visibility: input.visibility,
    tags: [...input.tags],
    created_at: at,
    updated_at: at,
    manually_added: true,
    reviewed: false,
    user_review: null,
    edited: false,
    scoring: scoring(true, nowMs),
  };
  ctx.state.dataset.memories.push({ item: memory, createdMs: nowMs, hidden: false, locked: false });
  return memory;
}

/** The served (not hidden) memory with this id; 404 like the real server when there is none. */
function find(ctx: RequestContext, id: string): MemoryRow {
  const row = ctx.state.dataset.memories.find((r) => !r.hidden && r.item.id === id);
  if (!row) {
    throw new ApiError(404, 'Memory not found');
  }
  return row;
}

function unlocked(row: MemoryRow): MemoryRow {
  if (row.locked) {
    throw new ApiError(402, PAYWALL);
  }
  return row;
}

function writeAccess(ctx: RequestContext, batch = false): void {
  authorize(ctx, WRITE_SCOPES.memories, batch ? ['memories_write', 'memories_batch'] : ['memories_write'], {
    memoryGrant: true,
  });
}

/** GET /user/memories/{id} (newer servers): the memory as lists serve it; 402 when it is locked. */
export function getMemory(ctx: RequestContext, id: string): Reply {
  authorize(ctx, SCOPES.memories, ['memories']);
  return json(unlocked(find(ctx, id)).item);
}

/** POST /user/memories {content 1-500, category?, visibility = "private", tags = []} → the memory. */
export function createMemory(ctx: RequestContext): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const input = reader ? readMemory(reader) : undefined;
  finish();
  if (!input?.content?.trim()) {
    throw new ApiError(422, 'content cannot be empty');
  }
  const memory = insert(ctx, { ...input, content: input.content });
  resortMemories(ctx.state.dataset);
  return json(created(memory));
}

/** POST /user/memories/batch {memories: [at most 25]} → {memories, created_count}. */
export function createMemories(ctx: RequestContext): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx, true);
  const { reader, finish } = BodyReader.root(body);
  const inputs = reader?.modelList('memories', BATCH_MAX, readMemory);
  finish();
  const list = inputs ?? [];
  if (list.some((input) => !input.content?.trim())) {
    throw new ApiError(422, 'All memories must have non-empty content');
  }
  const memories = list.map((input) => insert(ctx, { ...input, content: input.content ?? '' }));
  resortMemories(ctx.state.dataset);
  return json({ memories: memories.map(created), created_count: memories.length });
}

/** PATCH /user/memories/{id} with any of content, visibility (public|private), tags, category → the memory. */
export function updateMemory(ctx: RequestContext, id: string): Reply {
  const body = parseJsonBody(ctx.body);
  writeAccess(ctx);
  const { reader, finish } = BodyReader.root(body);
  const content = reader?.string('content', { min: 1, max: 500 });
  const visibility = reader?.string('visibility');
  const tags = reader?.stringList('tags');
  const category = reader?.enumValue('category', MEMORY_CATEGORIES);
  finish();

  const row = unlocked(find(ctx, id));
  if (content === undefined && visibility === undefined && tags === undefined && category === undefined) {
    throw new ApiError(422, 'At least one field (content, visibility, tags, or category) must be provided');
  }
  if (visibility !== undefined && visibility !== 'public' && visibility !== 'private') {
    throw new ApiError(422, "visibility must be 'public' or 'private'");
  }
  const memory = row.item;
  if (content !== undefined) {
    memory.content = content.trim();
    memory.edited = true;
  }
  if (visibility !== undefined) memory.visibility = visibility;
  if (tags !== undefined) memory.tags = [...tags];
  if (category !== undefined) memory.category = category;
  memory.updated_at = stamp(nextRandom(ctx.state, 'memory-update'));
  return json(memory);
}

/** DELETE /user/memories/{id} → {"success": true}. */
export function deleteMemory(ctx: RequestContext, id: string): Reply {
  writeAccess(ctx);
  const row = unlocked(find(ctx, id));
  const { dataset } = ctx.state;
  removeWhere(dataset.memories, (r) => r === row);
  resortMemories(dataset);
  return json({ success: true });
}
