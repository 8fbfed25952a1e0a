// Which key this is and what it may do: the check of a new key, and the scopes GET /v1/dev/key reports (no vscode
// import: unit-tested).
import * as l10n from '@vscode/l10n';
import type { OmiClient } from '../api/client';
import { isOmiApiError } from '../api/errors';

/** The kinds of Omi data a key may write, as the extension names them. */
export type WritableKind = 'memories' | 'actionItems' | 'conversations' | 'goals';

export const WRITABLE_KINDS: readonly WritableKind[] = ['memories', 'actionItems', 'conversations', 'goals'];

/** The kinds a key's access is described by (goals are an optional extra that older keys and servers lack). */
const DESCRIBED_KINDS: readonly WritableKind[] = ['memories', 'actionItems', 'conversations'];

/** How the server names each kind in a scope (`action_items:write`). */
const SCOPE_NAMES: Record<WritableKind, string> = {
  memories: 'memories',
  actionItems: 'action_items',
  conversations: 'conversations',
  goals: 'goals',
};

/** `action_items:write` for ('actionItems', 'write'). */
function scopeFor(kind: WritableKind, access: 'read' | 'write'): string {
  return `${SCOPE_NAMES[kind]}:${access}`;
}

/**
 * The scopes after the server refused a write of `kind` for lack of scope: what was known (or, when nothing was,
 * everything) without that write scope.
 */
export function withoutWrite(scopes: readonly string[] | undefined, kind: WritableKind): string[] {
  const known = scopes ?? WRITABLE_KINDS.flatMap((k) => [scopeFor(k, 'read'), scopeFor(k, 'write')]);
  return known.filter((scope) => scope !== scopeFor(kind, 'write'));
}

const KIND_NOUNS: Record<WritableKind, () => string> = {
  memories: () => l10n.t('memories'),
  actionItems: () => l10n.t('action items'),
  conversations: () => l10n.t('conversations'),
  goals: () => l10n.t('goals'),
};

/**
 * Whether the key may write this kind. `scopes` undefined: the server did not say (it has no GET /key, or the check
 * failed), so the actions are offered and a refusal explains itself.
 */
export function mayWrite(scopes: readonly string[] | undefined, kind: WritableKind): boolean {
  return scopes === undefined || scopes.includes(scopeFor(kind, 'write'));
}

/** "Full access", "Read only: memories, action items, conversations", or what may be read and written; undefined when unknown. */
export function describeAccess(scopes: readonly string[] | undefined): string | undefined {
  if (scopes === undefined) return undefined;
  const readable = DESCRIBED_KINDS.filter((kind) => scopes.includes(scopeFor(kind, 'read')));
  const writable = DESCRIBED_KINDS.filter((kind) => scopes.includes(scopeFor(kind, 'write')));
  const list = (kinds: readonly WritableKind[]) => kinds.map((kind) => KIND_NOUNS[kind]()).join(', ');
  if (writable.length === DESCRIBED_KINDS.length && readable.length === DESCRIBED_KINDS.length) {
    return l10n.t('Full access');
  }
  if (writable.length === 0) {
    return readable.length > 0
      ? l10n.t('Read only: {0}', list(readable))
      : l10n.t('No access to memories, action items or conversations');
  }
  return l10n.t('Read: {0}. Write: {1}', list(readable), list(writable));
}

export interface VerifiedKey {
  /** The key's name in the Omi app, when the server tells it. */
  name?: string;
  /** For example "omi_dev_abcd...wxyz", when the server tells it. */
  prefix?: string;
  scopes?: string[];
}

/**
 * Asks the server whether the key works before anything is stored: GET /key returns the key's own record; older
 * servers answer 404 there, so a one-memory list is the fallback check. Throws the client's OmiApiError on failure.
 */
export async function verifyApiKey(client: OmiClient, signal?: AbortSignal): Promise<VerifiedKey> {
  try {
    const info = await client.getKeyInfo({ signal });
    return { name: info.name || undefined, prefix: info.key_prefix || undefined, scopes: info.scopes ?? undefined };
  } catch (error) {
    if (!isOmiApiError(error) || error.kind !== 'notFound') throw error;
  }
  await client.listMemories({ limit: 1, signal });
  return {};
}
