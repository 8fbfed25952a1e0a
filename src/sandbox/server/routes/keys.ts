import { ALL_SCOPES, makeKey, READ_SCOPES } from '../../data/keys';
import { Random } from '../../data/random';
import type { ApiKeyRecord } from '../../types';
import { authenticate } from '../auth';
import { json, type Reply, type RequestContext } from '../context';
import { ApiError } from '../errors';
import { applyDocumentedLimit } from '../limits';

/** GET /key: the calling key's own record. Not in the documentation, so the documented flavor answers 404. */
export function getOwnKey(ctx: RequestContext): Reply {
  if (ctx.state.options.flavor === 'documented') {
    throw new ApiError(404, 'Not Found');
  }
  return json(authenticate(ctx).record);
}

/**
 * Key management wants the Omi app's sign-in token on the real server, so a dev key is refused. The documented
 * flavor lets the dev key manage keys, as the documentation describes.
 */
function authorizeKeyManagement(ctx: RequestContext): void {
  if (ctx.state.options.flavor === 'real') {
    if (!ctx.authorization?.startsWith('Bearer ')) {
      throw new ApiError(401, 'Not authenticated');
    }
    throw new ApiError(401, 'Invalid authentication credentials');
  }
  applyDocumentedLimit(ctx, authenticate(ctx));
}

/** GET /keys */
export function listKeys(ctx: RequestContext): Reply {
  authorizeKeyManagement(ctx);
  return json(ctx.state.dataset.data.keys.filter((key) => !key.revoked).map((key) => key.record));
}

function readCreateBody(body: string): { name: string; scopes: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError(400, 'The request body must be JSON like {"name": "My integration"}');
  }
  const input = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '') {
    throw new ApiError(400, 'Key name cannot be empty');
  }
  // Without scopes a key is read-only, like the real server's default.
  const scopes = input.scopes ?? [...READ_SCOPES];
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string' && ALL_SCOPES.includes(s))) {
    throw new ApiError(400, `Invalid scopes. Available: ${ALL_SCOPES.join(', ')}`);
  }
  return { name, scopes };
}

/** POST /keys: the full secret is in this answer and nowhere else. */
export function createKey(ctx: RequestContext): Reply {
  authorizeKeyManagement(ctx);
  const { name, scopes } = readCreateBody(ctx.body);
  const state = ctx.state;
  const rng = Random.derive(state.options.seed, 'created-key', state.createdKeys++);
  const key = makeKey(rng, name, scopes, Date.now());
  state.dataset.data.keys.push(key);
  const created: ApiKeyRecord & { key: string } = { ...key.record, key: key.secret };
  return json(created);
}

/** DELETE /keys/{id}: 204 whether or not the key existed. */
export function revokeKey(ctx: RequestContext, id: string): Reply {
  authorizeKeyManagement(ctx);
  const key = ctx.state.dataset.data.keys.find((k) => k.record.id === id);
  if (key) {
    key.revoked = true;
  }
  return { status: 204 };
}
