// The three Omi lists as the user reads them in sentences: "memories", "action items", "conversations".
import * as l10n from '@vscode/l10n';

export type OmiListKind = 'memories' | 'actionItems' | 'conversations';

export function listNoun(kind: OmiListKind): string {
  switch (kind) {
    case 'memories':
      return l10n.t('memories');
    case 'actionItems':
      return l10n.t('action items');
    case 'conversations':
      return l10n.t('conversations');
  }
}
