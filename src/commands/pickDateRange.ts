import * as vscode from 'vscode';
import {
  customRange,
  type DateRange,
  PRESET_RANGES,
  parseLocalDate,
  presetLabel,
  presetRange,
} from '../util/dateRange';

type RangePick = vscode.QuickPickItem & { range?: DateRange; custom?: true };

async function askDate(title: string, prompt: string): Promise<Date | null | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt,
    placeHolder: vscode.l10n.t('YYYY-MM-DD (leave empty for no limit)'),
    validateInput: (value) =>
      value.trim() === '' || parseLocalDate(value) ? undefined : vscode.l10n.t('Type a date as YYYY-MM-DD.'),
  });
  if (text === undefined) return undefined;
  return text.trim() === '' ? null : (parseLocalDate(text) ?? null);
}

/**
 * Asks for a created-date range: any time, a preset of whole local days, or typed dates.
 * Resolves undefined when the user cancels, `{}` for "any time".
 */
export async function pickDateRange(title: string, current: DateRange): Promise<DateRange | undefined> {
  const now = new Date();
  const picks: RangePick[] = [
    { label: vscode.l10n.t('Any time'), range: {}, picked: !current.startDate && !current.endDate },
    ...PRESET_RANGES.map((preset) => ({
      label: presetLabel(preset),
      range: presetRange(preset, now),
    })),
    { label: vscode.l10n.t('Custom range…'), description: vscode.l10n.t('type the first and last day'), custom: true },
  ];
  const picked = await vscode.window.showQuickPick(picks, { title, placeHolder: vscode.l10n.t('Created when?') });
  if (!picked) return undefined;
  if (!picked.custom) return picked.range;
  const from = await askDate(title, vscode.l10n.t('First day (inclusive)'));
  if (from === undefined) return undefined;
  const to = await askDate(title, vscode.l10n.t('Last day (inclusive)'));
  if (to === undefined) return undefined;
  return customRange(from ?? undefined, to ?? undefined);
}
