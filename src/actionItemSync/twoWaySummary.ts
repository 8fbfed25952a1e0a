// What a two-way sync did with the user's ticks, in a few sentences for one notification (no vscode import).
import * as l10n from '@vscode/l10n';
import type { NotSentReason } from './twoWay';

export interface TwoWayReport {
  /** Changes Omi accepted. */
  sent: { text: string }[];
  /** Changed in the file and on the server: the server's state was kept. */
  conflicts: { text: string }[];
  /** Gone from Omi, so gone from the block; `changed`: the user had changed its box. */
  deleted: { text: string; changed: boolean }[];
  /** Changes not sent because Omi refused them or the key may not write, with the one sentence that says why. */
  refused: { text: string; reason: string }[];
  /** Boxes that differ from Omi but were not sent, and why. */
  notSent: { text: string; reason: NotSentReason }[];
}

export const EMPTY_REPORT: TwoWayReport = { sent: [], conflicts: [], deleted: [], refused: [], notSent: [] };

const MAX_NAMED = 3;
const MAX_NAME = 60;

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > MAX_NAME ? `${flat.slice(0, MAX_NAME - 1)}…` : flat;
  return `“${cut || l10n.t('(no description)')}”`;
}

/** “A”, “B”, “C” and 2 more. */
export function names(items: readonly { text: string }[]): string {
  const named = items.slice(0, MAX_NAMED).map((item) => quoted(item.text));
  const rest = items.length - named.length;
  return rest > 0 ? l10n.t('{0} and {1} more', named.join(', '), rest) : named.join(', ');
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function notSentSentence(reason: NotSentReason, items: readonly { text: string }[]): string {
  switch (reason) {
    case 'noRecord':
      return l10n.t(
        'Not sent, and shown as in Omi again: {0}. This workspace has no record of the last sync of this file, so it is not known whether these boxes were changed here.',
        names(items),
      );
    case 'notInRecord':
      return l10n.t(
        'Not sent, and shown as in Omi again: {0}. These were not in the checklist at the last sync.',
        names(items),
      );
    case 'ambiguous':
      return l10n.t(
        'Not sent, and shown as in Omi again: {0}. Each is on several lines with different boxes.',
        names(items),
      );
    case 'capped':
      return l10n.t(
        'Not sent, and no longer in the checklist: {0}. They are not among the 2,000 action items Omi lists.',
        names(items),
      );
  }
}

/**
 * One notification's text: what was sent, the conflicts (the server won), what Omi no longer has, and what was not
 * sent and why. `attention`: something the user did was not applied (a warning rather than information).
 * `touched`: the user's ticks played a part (an automatic sync says nothing otherwise).
 */
export function summarizeTwoWay(report: TwoWayReport): { text: string; attention: boolean; touched: boolean } {
  const parts: string[] = [];
  const { sent, conflicts, refused, notSent } = report;
  if (sent.length === 1) parts.push(l10n.t('1 change sent to Omi: {0}.', names(sent)));
  else if (sent.length > 1) parts.push(l10n.t('{0} changes sent to Omi.', sent.length));
  if (conflicts.length === 1) {
    parts.push(l10n.t("1 conflict: the server's state was kept for {0}.", names(conflicts)));
  } else if (conflicts.length > 1) {
    parts.push(l10n.t("{0} conflicts: the server's state was kept for {1}.", conflicts.length, names(conflicts)));
  }
  const changedDeleted = report.deleted.filter((d) => d.changed);
  const otherDeleted = report.deleted.filter((d) => !d.changed);
  if (changedDeleted.length > 0) {
    parts.push(
      l10n.t('Deleted in Omi, so your change was not sent, and gone from the checklist: {0}.', names(changedDeleted)),
    );
  }
  if (otherDeleted.length > 0) {
    parts.push(l10n.t('Deleted in Omi, and gone from the checklist: {0}.', names(otherDeleted)));
  }
  for (const [reason, items] of groupBy(refused, (r) => r.reason)) {
    parts.push(l10n.t('Not sent, and shown as in Omi again: {0}. {1}', names(items), reason));
  }
  for (const [reason, items] of groupBy(notSent, (n) => n.reason)) parts.push(notSentSentence(reason, items));
  const attention = conflicts.length + changedDeleted.length + refused.length + notSent.length > 0;
  return { text: parts.join(' '), attention, touched: attention || sent.length > 0 };
}
