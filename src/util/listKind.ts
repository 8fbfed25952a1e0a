// The three lists of a user's Omi data: one name for them everywhere (views, store, export, insert), and how a
// sentence names them ("memories", "action items", "conversations").
import * as l10n from '@vscode/l10n';

export type ListKind = 'memories' | 'actionItems' | 'conversations';

export const LIST_KINDS: readonly ListKind[] = ['memories', 'actionItems', 'conversations'];

/** The list as a sentence names it. */
export function listNoun(kind: ListKind): string {
  switch (kind) {
    case 'memories':
      return l10n.t('memories');
    case 'actionItems':
      return l10n.t('action items');
    case 'conversations':
      return l10n.t('conversations');
  }
}
