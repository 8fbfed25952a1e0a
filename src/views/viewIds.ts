import type { ListKind } from '../util/listKind';

/** The list views' ids, fixed by the extension's public contract. */
export const VIEW_IDS = {
  memories: 'omi.memories',
  actionItems: 'omi.actionItems',
  conversations: 'omi.conversations',
} as const satisfies Record<ListKind, string>;
