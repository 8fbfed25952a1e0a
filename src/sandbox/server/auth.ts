import { KEY_PATTERN } from '../data/keys';
import { isoDate } from '../data/time';
import type { SandboxKey } from '../types';
import type { RequestContext } from './context';
import { ApiError } from './errors';
import { applyDocumentedLimit, type Bucket, enforceRealLimits } from './limits';

const MALFORMED = "Missing or invalid Authorization header. Must be 'Bearer API_KEY'";

/** Finds the key of `Authorization: Bearer omi_dev_...` ("Bearer " is case-sensitive, like the real server). */
export function authenticate(ctx: RequestContext): SandboxKey {
  const header = ctx.authorization;
  if (!header?.startsWith('Bearer ')) {
    throw new ApiError(401, MALFORMED);
  }
  const token = header.slice('Bearer '.length);
  if (!KEY_PATTERN.test(token)) {
    throw new ApiError(401, MALFORMED);
  }
  const key = ctx.state.dataset.data.keys.find((k) => k.secret === token);
  if (!key || key.revoked) {
    throw new ApiError(401, 'Invalid API Key');
  }
  key.record.last_used_at = isoDate(Date.now());
  return key;
}

/**
 * Everything a data endpoint checks before reading its parameters, in the real server's order: key, scope,
 * rate limit.
 */
export function authorize(ctx: RequestContext, scope: string, buckets: readonly Bucket[]): SandboxKey {
  const key = authenticate(ctx);
  applyDocumentedLimit(ctx, key);
  if (!key.record.scopes.includes(scope)) {
    throw new ApiError(403, `Insufficient permissions. Required scope: ${scope}`);
  }
  enforceRealLimits(ctx, key, buckets);
  return key;
}
