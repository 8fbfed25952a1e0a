import type { SandboxKey } from '../types';
import { Random } from './random';
import { DAY, isoDate } from './time';

export const SCOPES = {
  memories: 'memories:read',
  actionItems: 'action_items:read',
  conversations: 'conversations:read',
} as const;

export const READ_SCOPES: readonly string[] = Object.values(SCOPES);

export const KEY_PATTERN = /^omi_dev_[0-9a-f]{32}$/;

/** How key lists show a key without its secret: `omi_dev_abcd...wxyz`. */
export function keyPrefix(secret: string): string {
  return `${secret.slice(0, 12)}...${secret.slice(-4)}`;
}

export function makeKey(rng: Random, name: string, scopes: readonly string[], createdMs: number): SandboxKey {
  const secret = `omi_dev_${rng.hex(32)}`;
  return {
    record: {
      id: rng.uuid(),
      name,
      key_prefix: keyPrefix(secret),
      created_at: isoDate(createdMs, rng.int(0, 999)),
      last_used_at: null,
      scopes: [...scopes],
    },
    secret,
    revoked: false,
  };
}

/**
 * The sandbox's own keys: the first can read everything; the second ("restricted") can read conversations
 * only, so memories and action items answer it with 403.
 */
export function builtInKeys(seed: number, nowMs: number): [SandboxKey, SandboxKey] {
  const rng = Random.derive(seed, 'keys');
  return [
    makeKey(rng, 'Sandbox key', READ_SCOPES, nowMs - 30 * DAY),
    makeKey(rng, 'Sandbox restricted key (conversations only)', [SCOPES.conversations], nowMs - 12 * DAY),
  ];
}
