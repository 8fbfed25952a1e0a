import type { SandboxKey } from '../types';
import { Random } from './random';
import { DAY, isoDate } from './time';

/** The scope each read endpoint requires. */
export const SCOPES = {
  memories: 'memories:read',
  actionItems: 'action_items:read',
  conversations: 'conversations:read',
  goals: 'goals:read',
} as const;

/** The scope each write endpoint requires. */
export const WRITE_SCOPES = {
  memories: 'memories:write',
  actionItems: 'action_items:write',
  conversations: 'conversations:write',
  goals: 'goals:write',
} as const;

/** What a key created without scopes gets, like the real server's Read Only preset. */
export const READ_SCOPES: readonly string[] = Object.values(SCOPES);

/** Every scope the real server knows (its Full Access preset), reads first. */
export const ALL_SCOPES: readonly string[] = [...READ_SCOPES, ...Object.values(WRITE_SCOPES)];

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
 * The sandbox's own keys, in this order (the secrets of the first two predate the third and stay the same):
 * full access (every read and write scope); "restricted", which can read conversations only; read-only (every
 * read scope, no write scope), so writes answer it with 403.
 */
export function builtInKeys(seed: number, nowMs: number): [SandboxKey, SandboxKey, SandboxKey] {
  const rng = Random.derive(seed, 'keys');
  return [
    makeKey(rng, 'Sandbox key (full access)', ALL_SCOPES, nowMs - 30 * DAY),
    makeKey(rng, 'Sandbox restricted key (conversations only)', [SCOPES.conversations], nowMs - 12 * DAY),
    makeKey(rng, 'Sandbox read-only key', READ_SCOPES, nowMs - 5 * DAY),
  ];
}
