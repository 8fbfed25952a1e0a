import * as vscode from 'vscode';
import type { SignInState } from '../auth/signInState';
import { COMMAND } from '../commandIds';
import { insertItems } from '../markdown/editorInsert';
import { formatIds, formatItems, type KindedItems } from '../markdown/itemText';
import { readLinkBuilder, readTemplates } from '../markdown/templateSettings';
import type { OmiStore } from '../store/omiStore';
import { registerCommand } from '../util/registerCommand';
import { askToSignIn } from '../util/showFailure';
import { registerOmiDropProvider } from '../views/dragAndDrop';
import { selectedItems } from '../views/treeSelection';
import { pickMemories } from './insertMemory';

/** Inserts at every cursor of the active editor; says why when there is none or it is read-only. */
async function insertIntoActiveEditor(entry: KindedItems): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return noEditor();
  const done = await insertItems(editor, entry);
  if (!done)
    void vscode.window.showWarningMessage(vscode.l10n.t('This editor does not accept text (it may be read-only).'));
  return done;
}

function noEditor(): false {
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Open a document and place the cursor where the Omi text should go.'),
  );
  return false;
}

async function copy(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(copy) ${vscode.l10n.t('Copied {0}', what)}`, 3000);
}

function described(entry: KindedItems): string {
  const n = entry.items.length;
  switch (entry.kind) {
    case 'memories':
      return n === 1 ? vscode.l10n.t('1 memory') : vscode.l10n.t('{0} memories', n);
    case 'actionItems':
      return n === 1 ? vscode.l10n.t('1 action item') : vscode.l10n.t('{0} action items', n);
    case 'conversations':
      return n === 1 ? vscode.l10n.t('1 conversation') : vscode.l10n.t('{0} conversations', n);
  }
}

/**
 * `omi.insertMemory` (a quick pick, or the tree rows it is given), `omi.insertIntoEditor`, `omi.copyAsMarkdown`,
 * `omi.copyText`, `omi.copyId` (tree rows: VS Code passes the clicked row and the selection), and the drop provider
 * that takes rows dragged from the trees into editors.
 */
export function registerInsertCommands(store: OmiStore, signIn: SignInState): vscode.Disposable[] {
  const withSelection =
    (run: (entry: KindedItems) => Promise<unknown>) =>
    (clicked?: unknown, selected?: unknown): Promise<unknown> | undefined => {
      const entry = selectedItems(clicked, selected);
      return entry ? run(entry) : undefined;
    };

  return [
    registerCommand(COMMAND.insertMemory, async (clicked?: unknown, selected?: unknown) => {
      const given = selectedItems(clicked, selected);
      if (given) return given.kind === 'memories' ? insertIntoActiveEditor(given) : false;
      if (!vscode.window.activeTextEditor) return noEditor();
      if (!signIn.signedIn) return askToSignIn();
      const choice = await pickMemories(store);
      if (!choice) return false;
      if ('nothing' in choice) {
        void vscode.window.showInformationMessage(choice.nothing);
        return false;
      }
      return insertIntoActiveEditor({ kind: 'memories', items: choice.memories });
    }),
    registerCommand(COMMAND.insertIntoEditor, withSelection(insertIntoActiveEditor)),
    registerCommand(
      COMMAND.copyAsMarkdown,
      withSelection((entry) =>
        copy(
          formatItems(entry, 'markdown', readTemplates(), readLinkBuilder()),
          vscode.l10n.t('{0} as Markdown', described(entry)),
        ),
      ),
    ),
    registerCommand(
      COMMAND.copyText,
      withSelection((entry) => copy(formatItems(entry, 'plain'), described(entry))),
    ),
    registerCommand(
      COMMAND.copyId,
      withSelection((entry) =>
        copy(formatIds(entry), entry.items.length === 1 ? vscode.l10n.t('the ID') : vscode.l10n.t('the IDs')),
      ),
    ),
    registerOmiDropProvider(),
  ];
}
