import * as vscode from 'vscode';
import type { Memory } from '../api/models';
import { localDate } from '../markdown/itemText';
import { describeFilter } from '../store/filters';
import type { OmiStore } from '../store/omiStore';
import type { PagedList } from '../store/pagedList';
import { describeError } from '../util/errorMessage';
import { oneLine, titleCase } from '../util/text';
import { firstShown, isShown } from './quickPickMatch';
import { StableGroups } from './stableGroups';

type MemoryPick = vscode.QuickPickItem & { memory: Memory };
type Row = MemoryPick | vscode.QuickPickItem;

/** What the user took, or one sentence on why Enter had nothing to insert. */
export type MemoryChoice = { memories: Memory[] } | { nothing: string };

function memoryPick(memory: Memory): MemoryPick {
  return {
    label: oneLine(memory.content, 200) || vscode.l10n.t('(empty memory)'),
    description: [localDate(memory.created_at), ...(memory.tags ?? [])].filter(Boolean).join(' · '),
    memory,
  };
}

/**
 * A searchable, multi-select quick pick over the memories of the Memories view (its filter applies). It opens with
 * what is loaded and loads the rest in the background; rows arriving go below the ones shown (in VS Code's own order
 * once a search sorts them), and the user's highlighted row, checked rows and search stay as they are.
 *
 * Enter takes the checked memories; with none checked, the row the user moved to, or else the first row shown for
 * the search. When no row matches yet but pages are still coming, it waits for the first that does.
 */
export async function pickMemories(store: OmiStore): Promise<MemoryChoice | undefined> {
  const list = store.list('memories');
  const filter = describeFilter(store.filter('memories'));
  const quickPick = vscode.window.createQuickPick<Row>();
  const title = filter ? vscode.l10n.t('Omi: Insert Memory ({0})', filter) : vscode.l10n.t('Omi: Insert Memory');
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Type to search; Enter inserts the first memory shown, or the ones checked');
  quickPick.canSelectMany = true;
  quickPick.matchOnDescription = true;
  quickPick.keepScrollPosition = true;

  const groups = new StableGroups<Memory>(
    (memory) => memory.id,
    (memory) => memory.category || 'other',
  );
  /** The memory rows in our order, one pick per memory kept across pages so the user's rows can be put back. */
  let rows: MemoryPick[] = [];
  /** The search the user pressed Enter on while no row matched it and pages were still coming. */
  let waitingFor: string | undefined;
  const controller = new AbortController();
  let finish: (choice: MemoryChoice | undefined) => void = () => {};

  const loading = () => !list.complete && list.error === undefined;
  const isMemory = (row: Row | undefined): row is MemoryPick => row !== undefined && 'memory' in row;

  /**
   * The row VS Code shows first for `typed`. A search sorts the rows that match by label in VS Code's own way, so
   * only VS Code knows which is on top: it is asked to highlight it. `quickInput.first` also moves the keyboard
   * focus into the list, so it runs only when a row matches and Enter was pressed.
   */
  const firstRowShown = async (typed: string): Promise<MemoryPick | undefined> => {
    const inOurOrder = firstShown(rows, typed);
    if (!inOurOrder) return undefined;
    try {
      await vscode.commands.executeCommand('quickInput.first');
    } catch {
      return inOurOrder;
    }
    const top = quickPick.activeItems.find(isMemory);
    return top && isShown(top, typed) ? top : inOurOrder;
  };

  const showState = () => {
    quickPick.busy = loading();
    if (list.error !== undefined) {
      quickPick.placeholder = vscode.l10n.t('Not every memory could be loaded. {0}', describeError(list.error).message);
    }
    quickPick.title =
      waitingFor === undefined
        ? title
        : vscode.l10n.t('Inserting the first memory matching "{0}" once it has loaded…', waitingFor.trim());
  };

  const takeWhenFound = async () => {
    const typed = waitingFor;
    if (typed === undefined) return;
    const found = await firstRowShown(typed);
    if (waitingFor !== typed) return;
    if (found) finish({ memories: [found.memory] });
    else if (!loading()) finish({ nothing: nothingToInsert(list, typed, filter) });
  };

  // Setting the items resets the highlight and the checks in VS Code, so both are put back on the same memories.
  const showItems = () => {
    const activeId = quickPick.activeItems.find(isMemory)?.memory.id;
    const checkedIds = new Set(quickPick.selectedItems.filter(isMemory).map((pick) => pick.memory.id));
    const previous = new Map(rows.map((pick) => [pick.memory.id, pick]));
    const items: Row[] = [];
    rows = [];
    for (const group of groups.update(list.items)) {
      items.push({ label: titleCase(group.key), kind: vscode.QuickPickItemKind.Separator });
      for (const memory of group.items) {
        const kept = previous.get(memory.id);
        const pick = kept?.memory === memory ? kept : memoryPick(memory);
        items.push(pick);
        rows.push(pick);
      }
    }
    quickPick.items = items;
    quickPick.selectedItems = rows.filter((pick) => checkedIds.has(pick.memory.id));
    quickPick.activeItems = rows.filter((pick) => pick.memory.id === activeId);
    showState();
    void takeWhenFound();
  };

  const subscriptions = [
    list.onDidChange((change) => {
      if (change.kind !== 'state') return showItems();
      showState();
      void takeWhenFound();
    }),
    quickPick.onDidChangeValue((value) => {
      if (waitingFor !== undefined && value !== waitingFor) {
        waitingFor = undefined;
        showState();
      }
    }),
    quickPick.onDidAccept(async () => {
      const checked = new Set(quickPick.selectedItems);
      const taken = rows.filter((pick) => checked.has(pick));
      if (taken.length > 0) return finish({ memories: taken.map((pick) => pick.memory) });
      const typed = quickPick.value;
      // A row the user moved to counts while it still matches the search (VS Code reports focus a moment late).
      const moved = quickPick.activeItems.find(isMemory);
      const target = moved && isShown(moved, typed) ? moved : await firstRowShown(typed);
      if (target) return finish({ memories: [target.memory] });
      if (!loading()) return finish({ nothing: nothingToInsert(list, typed, filter) });
      waitingFor = typed;
      showState();
    }),
  ];
  showItems();
  void list.loadAll(controller.signal);
  try {
    return await new Promise<MemoryChoice | undefined>((resolve) => {
      finish = (choice) => {
        resolve(choice);
        quickPick.hide();
      };
      subscriptions.push(quickPick.onDidHide(() => resolve(undefined)));
      quickPick.show();
    });
  } finally {
    controller.abort();
    for (const subscription of subscriptions) subscription.dispose();
    quickPick.dispose();
  }
}

/** Why Enter found no memory for `typed` once every page that could be loaded has been. */
function nothingToInsert(list: PagedList<Memory>, typed: string, filter: string | undefined): string {
  const search = typed.trim();
  const failed = list.error === undefined ? undefined : describeError(list.error).message;
  if (list.items.length === 0) {
    if (failed) return vscode.l10n.t('No memory to insert: the memories could not be loaded. {0}', failed);
    return filter
      ? vscode.l10n.t('No memory to insert: none matches the Memories view’s filter ({0}).', filter)
      : vscode.l10n.t('No memory to insert: there are no memories in Omi yet.');
  }
  if (failed)
    return vscode.l10n.t('No memory loaded matches "{0}", and not every memory could be loaded. {1}', search, failed);
  return filter
    ? vscode.l10n.t('No memory matches "{0}" within the Memories view’s filter ({1}).', search, filter)
    : vscode.l10n.t('No memory matches "{0}".', search);
}
