import * as vscode from 'vscode';
import type { Memory } from '../api/models';
import { localDate } from '../export/itemText';
import { describeFilter } from '../store/filters';
import type { OmiStore } from '../store/omiStore';
import { describeError } from '../util/errorMessage';
import { oneLine, titleCase } from '../views/memoriesView';

type MemoryPick = vscode.QuickPickItem & { memory?: Memory };

/** Picks, grouped by category under separators: the biggest categories first, as in the Memories view. */
export function memoryPicks(memories: readonly Memory[]): MemoryPick[] {
  const groups = new Map<string, Memory[]>();
  for (const memory of memories) {
    const category = memory.category || 'other';
    const group = groups.get(category) ?? [];
    group.push(memory);
    groups.set(category, group);
  }
  const ordered = [...groups].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b));
  return ordered.flatMap(([category, group]) => [
    { label: titleCase(category), kind: vscode.QuickPickItemKind.Separator },
    ...group.map((memory) => ({
      label: oneLine(memory.content, 200) || '(empty memory)',
      description: [localDate(memory.created_at), ...(memory.tags ?? [])].filter(Boolean).join(' · '),
      memory,
    })),
  ]);
}

/**
 * A searchable, multi-select quick pick over the memories of the Memories view (its filter applies). It opens with
 * what is loaded and loads the rest in the background, keeping the user's picks as pages arrive. Enter with nothing
 * checked takes the highlighted memory.
 */
export async function pickMemories(store: OmiStore): Promise<Memory[] | undefined> {
  const list = store.list('memories');
  const filter = describeFilter(store.filter('memories'));
  const quickPick = vscode.window.createQuickPick<MemoryPick>();
  quickPick.title = filter ? vscode.l10n.t('Omi: Insert Memory ({0})', filter) : vscode.l10n.t('Omi: Insert Memory');
  quickPick.placeholder = vscode.l10n.t('Type to search; check one or more memories, then press Enter');
  quickPick.canSelectMany = true;
  quickPick.matchOnDescription = true;
  const chosen = new Set<string>();
  const controller = new AbortController();
  const showState = () => {
    quickPick.busy = !list.complete && list.error === undefined;
    if (list.error !== undefined) {
      quickPick.placeholder = vscode.l10n.t('Not every memory could be loaded. {0}', describeError(list.error).message);
    }
  };
  // Replacing the items resets what the user checked and where they are, so it happens only when memories came.
  const showItems = () => {
    const picks = memoryPicks(list.items);
    quickPick.items = picks;
    quickPick.selectedItems = picks.filter((p) => p.memory && chosen.has(p.memory.id));
    showState();
  };
  const subscription = list.onDidChange((change) => (change.kind === 'state' ? showState() : showItems()));
  showItems();
  void list.loadAll(controller.signal);
  try {
    return await new Promise<Memory[] | undefined>((resolve) => {
      quickPick.onDidChangeSelection((selection) => {
        chosen.clear();
        for (const pick of selection) if (pick.memory) chosen.add(pick.memory.id);
      });
      quickPick.onDidAccept(() => {
        const checked = list.items.filter((memory) => chosen.has(memory.id));
        const highlighted = quickPick.activeItems[0]?.memory;
        resolve(checked.length > 0 ? checked : highlighted ? [highlighted] : []);
        quickPick.hide();
      });
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
  } finally {
    controller.abort();
    subscription.dispose();
    quickPick.dispose();
  }
}
