import * as vscode from 'vscode';
import type { ExportFormat } from '../export/exporter';
import { describeFilter, type Filters } from '../store/filters';
import type { ListKind } from '../util/listKind';

/** What the user chose; the command turns it into an export request. */
export interface ExportChoices {
  scope: 'all' | 'filter' | 'range';
  /** ISO, for scope 'range'. */
  startDate?: string;
  endDate?: string;
  includeTranscripts: boolean;
  format: ExportFormat;
}

type Choice<T> = vscode.QuickPickItem & { value: T };

const DAY_MS = 24 * 60 * 60 * 1000;

async function choose<T>(items: Choice<T>[], title: string, placeholder: string): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: placeholder, ignoreFocusOut: true });
  return picked?.value;
}

/** Midnight at the start (or the last millisecond) of a local calendar day, as ISO; undefined when not a date. */
function localDayBoundary(text: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = end ? new Date(year, month, day, 23, 59, 59, 999) : new Date(year, month, day);
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return undefined;
  return date.toISOString();
}

async function askDate(title: string, prompt: string, value: string, end: boolean): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt,
    value,
    placeHolder: 'YYYY-MM-DD',
    ignoreFocusOut: true,
    validateInput: (input) => (localDayBoundary(input, end) ? undefined : vscode.l10n.t('A date like 2026-11-28')),
  });
  return text === undefined ? undefined : localDayBoundary(text, end);
}

function dayText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function exportTitle(kind: ListKind): string {
  switch (kind) {
    case 'memories':
      return vscode.l10n.t('Omi: Export Memories');
    case 'actionItems':
      return vscode.l10n.t('Omi: Export Action Items');
    case 'conversations':
      return vscode.l10n.t('Omi: Export Conversations');
  }
}

/** Asks what to export, step by step; undefined when the user backs out at any step. */
export async function askExportChoices(
  kind: ListKind,
  noun: string,
  currentFilter: Filters[ListKind],
): Promise<ExportChoices | undefined> {
  const title = exportTitle(kind);
  const scopes: Choice<{ scope: ExportChoices['scope']; days?: number }>[] = [
    { label: `$(list-flat) ${vscode.l10n.t('All {0}', noun)}`, value: { scope: 'all' } },
  ];
  const filterText = describeFilter(currentFilter);
  if (filterText) {
    scopes.push({
      label: `$(filter) ${vscode.l10n.t('The current filter')}`,
      description: filterText,
      value: { scope: 'filter' },
    });
  }
  if (kind === 'conversations') {
    scopes.push(
      { label: `$(calendar) ${vscode.l10n.t('The last 7 days')}`, value: { scope: 'range', days: 7 } },
      { label: `$(calendar) ${vscode.l10n.t('The last 30 days')}`, value: { scope: 'range', days: 30 } },
      { label: `$(calendar) ${vscode.l10n.t('A date range…')}`, value: { scope: 'range' } },
    );
  }
  const scope = await choose(scopes, title, vscode.l10n.t('Which {0}?', noun));
  if (!scope) return undefined;
  const choices: ExportChoices = { scope: scope.scope, includeTranscripts: false, format: 'json' };
  if (scope.scope === 'range') {
    const today = new Date();
    if (scope.days) {
      choices.startDate = localDayBoundary(dayText(new Date(today.getTime() - (scope.days - 1) * DAY_MS)), false);
      choices.endDate = localDayBoundary(dayText(today), true);
    } else {
      const monthAgo = dayText(new Date(today.getTime() - 30 * DAY_MS));
      choices.startDate = await askDate(title, vscode.l10n.t('From (the first day to export)'), monthAgo, false);
      if (!choices.startDate) return undefined;
      choices.endDate = await askDate(title, vscode.l10n.t('To (the last day to export)'), dayText(today), true);
      if (!choices.endDate) return undefined;
    }
  }
  if (kind === 'conversations') {
    const transcripts = await choose(
      [
        {
          label: vscode.l10n.t('Without transcripts'),
          description: vscode.l10n.t('titles, overviews, action items; quick'),
          value: false,
        },
        {
          label: vscode.l10n.t('With transcripts'),
          description: vscode.l10n.t('every word; slower, Omi allows few transcript reads an hour'),
          value: true,
        },
      ],
      title,
      vscode.l10n.t('Include the transcripts?'),
    );
    if (transcripts === undefined) return undefined;
    choices.includeTranscripts = transcripts;
  }
  const formats: Choice<ExportFormat>[] = [
    { label: 'JSON', description: vscode.l10n.t('one file, the objects exactly as Omi sent them'), value: 'json' },
    { label: 'JSON Lines', description: vscode.l10n.t('one object per line, for data tools'), value: 'jsonl' },
  ];
  if (kind === 'conversations') {
    formats.push({
      label: 'Markdown',
      description: vscode.l10n.t('one note per conversation, in a folder'),
      value: 'markdown',
    });
  }
  const format = await choose(formats, title, vscode.l10n.t('Which format?'));
  if (!format) return undefined;
  choices.format = format;
  return choices;
}
