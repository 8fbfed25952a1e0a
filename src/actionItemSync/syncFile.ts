import * as vscode from 'vscode';
import type { ActionItem } from '../api/models';
import { readIfExists, writeFileAtomically } from '../util/workspaceFiles';
import { mergeManagedBlock } from './managedBlock';
import { renderBlock } from './markdown';
import { type SectionKey, type Sections, sortIntoSections } from './sections';

export interface SyncInput {
  items: readonly ActionItem[];
  capped: boolean;
  now: Date;
  linkFor(conversationId: string): string | undefined;
  /** The key may write action items: the block says that ticks are sent to Omi. */
  twoWay: boolean;
  /** Asked before the block is appended to an existing file that has none; no answer means no. */
  confirmAppend(file: vscode.Uri): Promise<boolean>;
}

export interface SyncOutcome {
  file: vscode.Uri;
  /** False when the file already said exactly this (it was not written). */
  written: boolean;
  counts: Record<SectionKey, number>;
  /** The items the block lists now, as written. */
  listed: ActionItem[];
}

export class SyncProblem extends Error {}

function decode(bytes: Uint8Array, file: vscode.Uri): string {
  try {
    // ignoreBOM keeps a byte order mark in the text, so it is written back as it was.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new SyncProblem(
      vscode.l10n.t('{0} is not UTF-8 text, so it was left alone.', vscode.workspace.asRelativePath(file)),
    );
  }
}

/** The file's text, or undefined when there is no file. */
export async function readChecklist(file: vscode.Uri): Promise<string | undefined> {
  const bytes = await readIfExists(file);
  return bytes === undefined ? undefined : decode(bytes, file);
}

/** Refuses a file open with unsaved changes: they may hold the user's ticks, and the file is about to be written. */
export function refuseUnsaved(file: vscode.Uri): void {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (open?.isDirty) {
    const name = vscode.workspace.asRelativePath(file);
    throw new SyncProblem(vscode.l10n.t('{0} has unsaved changes: save it, then sync again.', name));
  }
}

function counts(sections: Sections): Record<SectionKey, number> {
  const entries = Object.entries(sections).map(([key, items]) => [key, items.length]);
  return Object.fromEntries(entries) as Record<SectionKey, number>;
}

/** Writes the checklist into `file`, or leaves the file untouched when its text would not change. */
export async function syncChecklistFile(file: vscode.Uri, input: SyncInput): Promise<SyncOutcome> {
  const existing = await readChecklist(file);
  const sections = sortIntoSections(input.items, input.now);
  const merged = mergeManagedBlock(existing, renderBlock(sections, input));
  const name = vscode.workspace.asRelativePath(file);
  if (!merged.ok) throw new SyncProblem(vscode.l10n.t('{0} was left alone: {1}', name, merged.problem));
  const listed = Object.values(sections).flat();
  if (!merged.changed) return { file, written: false, counts: counts(sections), listed };
  if (merged.appended && !(await input.confirmAppend(file))) {
    throw new SyncProblem(vscode.l10n.t('{0} has no Omi block, and it was not added.', name));
  }
  refuseUnsaved(file);
  await writeFileAtomically(file, new TextEncoder().encode(merged.text));
  return { file, written: true, counts: counts(sections), listed };
}
