import * as vscode from 'vscode';
import { findItemLinks, type ItemLink, type LinkKind, OMI_EXTENSION_ID } from '../markdown/itemLinks';
import { selectedItems } from '../views/treeSelection';

/** The note-like files searched: text a person writes and links from. */
const NOTE_FILES = '**/*.{md,markdown,mdx,qmd,rmd,txt,org,rst,adoc}';
const MAX_FILES = 5000;
const MAX_BYTES = 2_000_000;

export interface Backlink {
  uri: vscode.Uri;
  range: vscode.Range;
  /** The line the link is on, trimmed. */
  preview: string;
}

function isSkipped(uri: vscode.Uri): boolean {
  return /[\\/](node_modules|\.git)[\\/]/.test(uri.path);
}

async function textOf(uri: vscode.Uri): Promise<string | undefined> {
  // An open document may hold unsaved links: its text counts, not the file's.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes.byteLength > MAX_BYTES ? undefined : new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The places in the workspace's notes that link to an item, found with VS Code's workspace search for files (which
 * honours `files.exclude`) and then their text. Untitled notes that are open count too.
 */
async function findBacklinks(
  target: Pick<ItemLink, 'kind' | 'id'>,
  token?: vscode.CancellationToken,
): Promise<Backlink[]> {
  const files = await vscode.workspace.findFiles(NOTE_FILES, undefined, MAX_FILES, token);
  const untitled = vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri);
  const found: Backlink[] = [];
  for (const uri of [...files.filter((f) => !isSkipped(f)), ...untitled]) {
    if (token?.isCancellationRequested) break;
    const text = await textOf(uri);
    if (!text?.includes(OMI_EXTENSION_ID)) continue;
    const lines = text.split(/\r?\n/);
    lines.forEach((line, index) => {
      for (const link of findItemLinks(line)) {
        if (link.kind !== target.kind || link.id !== target.id) continue;
        found.push({
          uri,
          range: new vscode.Range(index, link.start, index, link.end),
          preview: line.trim(),
        });
      }
    });
  }
  found.sort((a, b) => a.uri.path.localeCompare(b.uri.path) || a.range.start.line - b.range.start.line);
  return found;
}

async function openBacklink(backlink: Backlink): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(backlink.uri, { selection: backlink.range, preview: false });
  editor.revealRange(backlink.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

const KIND_OF_LIST: Record<string, LinkKind> = {
  memories: 'memory',
  conversations: 'conversation',
  actionItems: 'actionItem',
};

/** What the command was given: a tree row, `{kind, id}`, or nothing (the transcript panel in front). */
function backlinkTarget(
  argument: unknown,
  activeConversation: () => string | undefined,
): Pick<ItemLink, 'kind' | 'id'> | undefined {
  const entry = selectedItems(argument);
  const first = entry?.items[0];
  if (entry && first) return { kind: KIND_OF_LIST[entry.kind]!, id: first.id };
  if (typeof argument === 'object' && argument !== null) {
    const { kind, id } = argument as { kind?: unknown; id?: unknown };
    if ((kind === 'memory' || kind === 'conversation' || kind === 'actionItem') && typeof id === 'string') {
      return { kind, id };
    }
  }
  const conversation = activeConversation();
  return conversation ? { kind: 'conversation', id: conversation } : undefined;
}

/**
 * `omi.showBacklinks`: the notes that link to an item, in a quick pick; picking one opens it at the link. Resolves
 * with what was found (and opened), for the tests.
 */
export async function showBacklinks(
  argument: unknown,
  activeConversation: () => string | undefined,
): Promise<{ found: Backlink[]; opened?: Backlink }> {
  const target = backlinkTarget(argument, activeConversation);
  if (!target) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Choose a memory or a conversation in the Omi views, or open a conversation, to find its notes.'),
    );
    return { found: [] };
  }
  const found = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Window,
      title: vscode.l10n.t('Looking for notes that link here…'),
      cancellable: false,
    },
    () => findBacklinks(target),
  );
  if (found.length === 0) {
    void vscode.window.showInformationMessage(
      target.kind === 'memory'
        ? vscode.l10n.t('No note in this workspace links to this memory.')
        : target.kind === 'conversation'
          ? vscode.l10n.t('No note in this workspace links to this conversation.')
          : vscode.l10n.t('No note in this workspace links to this action item.'),
    );
    return { found };
  }
  type Pick = vscode.QuickPickItem & { backlink: Backlink };
  const picks: Pick[] = found.map((backlink) => ({
    label: `${vscode.workspace.asRelativePath(backlink.uri)}:${backlink.range.start.line + 1}`,
    detail: backlink.preview,
    backlink,
  }));
  const picked = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Notes that link here'),
    placeHolder:
      found.length === 1 ? vscode.l10n.t('1 place links here') : vscode.l10n.t('{0} places link here', found.length),
    matchOnDetail: true,
  });
  if (!picked) return { found };
  await openBacklink(picked.backlink);
  return { found, opened: picked.backlink };
}
