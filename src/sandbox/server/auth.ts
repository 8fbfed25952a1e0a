import { KEY_PATTERN } from '../data/keys';
import { isoDate } from '../data/time';
import type { SandboxKey } from '../types';
import type { RequestContext } from './context';
import { ApiError, type GrantDetail } from './errors';
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
 * The 403 the real server answers a memory write with when the account has not granted the Developer API access
 * to memories (an account-level switch, apart from the key's scopes). `detail` is an object, not a string.
 */
export const MEMORY_GRANT_DENIED: GrantDetail = {
  enabled: false,
  reason: 'memory_write_access_not_granted',
  message: 'Memory writes through the Developer API are not enabled for this account. Turn them on in the Omi app.',
};

/**
 * Everything a data endpoint checks before reading its parameters, in the real server's order: key, scope,
 * (for memory writes) the account's grant, rate limit.
 */
export function authorize(
  ctx: RequestContext,
  scope: string,
  buckets: readonly Bucket[],
  options: { memoryGrant?: boolean } = {},
): SandboxKey {
  const key = authenticate(ctx);
  applyDocumentedLimit(ctx, key);
  if (!key.record.scopes.includes(scope)) {
    throw new ApiError(403, `Insufficient permissions. Required scope: ${scope}`);
  }
  if (options.memoryGrant && !ctx.state.memoryWriteGrant) {
    throw new ApiError(403, { ...MEMORY_GRANT_DENIED });
  }
  enforceRealLimits(ctx, key, buckets);
  return key;
}
