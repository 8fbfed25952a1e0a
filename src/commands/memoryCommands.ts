import * as vscode from 'vscode';
import { TEXT_LIMITS } from '../api/client';
import { MEMORY_CATEGORIES, type Memory, type MemoryChanges, type NewMemory } from '../api/models';
import { COMMAND } from '../commandIds';
import type { OmiWrites } from '../store/omiWrites';
import { registerCommand } from '../util/registerCommand';
import { askToSignIn } from '../util/showFailure';
import { oneLine, titleCase } from '../util/text';
import { memoryCategoryIcon } from '../views/memoriesView';
import {
  deleteAfterAsking,
  itemsOf,
  pickLoadedItem,
  quoted,
  reportingRefusal,
  textProblem,
  type WriteCommandDependencies,
} from './writeSupport';

interface MemoryCommandDependencies extends WriteCommandDependencies {
  writes: OmiWrites;
}

/** Remember Selection, Edit Memory… and Delete Memory. */
export function registerMemoryCommands(deps: MemoryCommandDependencies): vscode.Disposable[] {
  const pick = () =>
    pickLoadedItem('memories', deps, {
      title: vscode.l10n.t('Omi: Pick a Memory'),
      empty: vscode.l10n.t('No memories are loaded.'),
      row: (memory) => ({
        label: `$(${memoryCategoryIcon(memory.category).id}) ${oneLine(memory.content, 200)}`,
        description: titleCase(memory.category || 'other'),
      }),
    });
  return [
    registerCommand(COMMAND.rememberSelection, () => rememberSelection(deps)),
    registerCommand(COMMAND.editMemory, async (...args: unknown[]) => {
      const [memory] = (await itemsOf('memories', deps, args, pick)) ?? [];
      if (memory) await editMemory(deps, memory);
    }),
    registerCommand(COMMAND.deleteMemory, async (...args: unknown[]) => {
      const memories = await itemsOf('memories', deps, args, pick);
      await deleteAfterAsking(memories ?? [], {
        text: (memory) => memory.content,
        one: (text) => vscode.l10n.t('the memory {0}', text),
        several: (count) => vscode.l10n.t('{0} memories', count),
        remove: (memory) => deps.writes.deleteMemory(memory),
        command: COMMAND.deleteMemory,
      });
    }),
  ];
}

/**
 * The texts to remember: each non-empty selection, or, when nothing is selected, the line of each cursor. Blank
 * ones are skipped and the same text is taken once.
 */
function textsToRemember(editor: vscode.TextEditor): string[] {
  const { document } = editor;
  const texts = editor.selections.map((selection) =>
    selection.isEmpty ? document.lineAt(selection.active.line).text : document.getText(selection),
  );
  return [...new Set(texts.map((text) => text.trim()).filter((text) => text.length > 0))];
}

type CategoryPick = vscode.QuickPickItem & { category: string | undefined };

/** "Let Omi choose" first (Enter takes it), then the known categories; undefined when cancelled. */
async function pickCategory(current?: string): Promise<{ category: string | undefined } | undefined> {
  const categories = [...new Set([...(current ? [current] : []), ...MEMORY_CATEGORIES])];
  const picks: CategoryPick[] = [
    ...(current
      ? []
      : [
          {
            label: `$(sparkle) ${vscode.l10n.t('Let Omi choose')}`,
            description: vscode.l10n.t('default'),
            category: undefined,
          },
        ]),
    ...categories.map((category) => ({
      label: `$(${memoryCategoryIcon(category).id}) ${titleCase(category)}`,
      description: category === current ? vscode.l10n.t('current') : undefined,
      category,
    })),
  ];
  const picked = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Memory category'),
    placeHolder: current ? vscode.l10n.t('Pick the category') : vscode.l10n.t('Let Omi choose, or pick a category'),
  });
  return picked && { category: picked.category };
}

/** Omi: Remember Selection: one memory per selection (batches of 25), from the editor or its context menu. */
async function rememberSelection(deps: MemoryCommandDependencies): Promise<void> {
  if (!deps.signIn.signedIn) return askToSignIn();
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to remember in an editor first.'));
    return;
  }
  const texts = textsToRemember(editor);
  if (texts.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('There is no text to remember: select some, or place the cursor on a line with text.'),
    );
    return;
  }
  const tooLong = texts.filter((text) => text.length > TEXT_LIMITS.memory);
  if (tooLong.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Omi keeps memories of up to {0} characters; {1} has {2}. Select less, or split it over several cursors.',
        TEXT_LIMITS.memory,
        quoted(tooLong[0]),
        tooLong[0]?.length ?? 0,
      ),
    );
    return;
  }
  const choice = await pickCategory();
  if (!choice) return;
  const memories: NewMemory[] = texts.map((content) => ({
    content,
    ...(choice.category ? { category: choice.category } : {}),
  }));
  const what =
    memories.length === 1
      ? vscode.l10n.t('{0} was not remembered.', quoted(texts[0]))
      : vscode.l10n.t('The {0} selections were not remembered.', memories.length);
  let created: Memory[] = [];
  const done = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Omi: remembering…') },
    () =>
      reportingRefusal(
        what,
        async () => {
          created = await deps.writes.createMemories(memories);
        },
        () => vscode.commands.executeCommand(COMMAND.rememberSelection),
      ),
  );
  if (!done) return;
  const [first] = created;
  void vscode.window.showInformationMessage(
    created.length === 1 && first
      ? vscode.l10n.t('Remembered in Omi as {0}: {1}', titleCase(first.category || 'other'), quoted(first.content))
      : vscode.l10n.t('{0} memories remembered in Omi.', created.length),
  );
}

type EditPick = vscode.QuickPickItem & { field: 'content' | 'category' | 'tags' | 'visibility' };

/** Omi: Edit Memory…: pick what to change (text, category, tags, visibility), then change it. */
async function editMemory(deps: MemoryCommandDependencies, memory: Memory): Promise<void> {
  const isPublic = memory.visibility === 'public';
  const picks: EditPick[] = [
    { label: `$(edit) ${vscode.l10n.t('Text')}`, description: oneLine(memory.content, 80), field: 'content' },
    {
      label: `$(symbol-enum) ${vscode.l10n.t('Category')}`,
      description: titleCase(memory.category || 'other'),
      field: 'category',
    },
    {
      label: `$(tag) ${vscode.l10n.t('Tags')}`,
      description: (memory.tags ?? []).join(', ') || vscode.l10n.t('none'),
      field: 'tags',
    },
    {
      label: `$(${isPublic ? 'lock' : 'globe'}) ${isPublic ? vscode.l10n.t('Make private') : vscode.l10n.t('Make public')}`,
      description: isPublic ? vscode.l10n.t('now public') : vscode.l10n.t('now private'),
      field: 'visibility',
    },
  ];
  const picked = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Omi: Edit Memory {0}', quoted(memory.content)),
    placeHolder: vscode.l10n.t('What do you want to change?'),
  });
  if (!picked) return;
  const changes = await askChange(picked.field, memory);
  if (!changes) return;
  // Retry sends the same change again, and reports again if Omi refuses it again.
  const send = (): Promise<boolean> =>
    reportingRefusal(
      vscode.l10n.t('{0} was not changed in Omi, and shows as it was.', quoted(memory.content)),
      () => deps.writes.updateMemory(memory, changes),
      send,
    );
  await send();
}

async function askChange(field: EditPick['field'], memory: Memory): Promise<MemoryChanges | undefined> {
  switch (field) {
    case 'content': {
      const content = await vscode.window.showInputBox({
        title: vscode.l10n.t('Memory text'),
        value: memory.content ?? '',
        validateInput: textProblem(vscode.l10n.t('A memory needs some text.'), TEXT_LIMITS.memory),
      });
      const trimmed = content?.trim();
      return trimmed && trimmed !== memory.content ? { content: trimmed } : undefined;
    }
    case 'category': {
      const choice = await pickCategory(memory.category || 'other');
      return choice?.category && choice.category !== memory.category ? { category: choice.category } : undefined;
    }
    case 'tags': {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Memory tags'),
        prompt: vscode.l10n.t('Tags separated by commas; empty removes them all.'),
        value: (memory.tags ?? []).join(', '),
      });
      if (typed === undefined) return undefined;
      const tags = [
        ...new Set(
          typed
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ];
      return { tags };
    }
    case 'visibility':
      return { visibility: memory.visibility === 'public' ? 'private' : 'public' };
  }
}
