/** View ids fixed by the extension's public contract. */
export const VIEW_IDS = {
  memories: 'omi.memories',
  actionItems: 'omi.actionItems',
  conversations: 'omi.conversations',
} as const;

export type ViewKind = keyof typeof VIEW_IDS;
