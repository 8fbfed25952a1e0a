// How days, weeks and numbers read on the charts (the user's locale).
import * as l10n from '@vscode/l10n';

function localDate(key: string): Date {
  const [year, month, day] = key.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

export const number = (value: number): string => value.toLocaleString();

export const shortDay = (key: string): string =>
  localDate(key).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

export const longDay = (key: string): string =>
  localDate(key).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

export const weekOf = (key: string): string =>
  l10n.t(
    'Week of {0}',
    localDate(key).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
  );

export const monthOf = (key: string): string => localDate(key).toLocaleDateString(undefined, { month: 'short' });

export const titleCase = (word: string): string => (word ? word.charAt(0).toUpperCase() + word.slice(1) : word);

export const memoryCount = (n: number): string => (n === 1 ? l10n.t('1 memory') : l10n.t('{0} memories', number(n)));

export const conversationCount = (n: number): string =>
  n === 1 ? l10n.t('1 conversation') : l10n.t('{0} conversations', number(n));

export const actionItemCount = (n: number): string =>
  n === 1 ? l10n.t('1 action item') : l10n.t('{0} action items', number(n));

/** Monday to Sunday, short, in the user's language. */
export const weekdays = (): string[] =>
  Array.from({ length: 7 }, (_, i) => new Date(2024, 0, 1 + i).toLocaleDateString(undefined, { weekday: 'short' }));
