import * as vscode from 'vscode';
import { COMMAND } from '../commandIds';
import type { ItemLink } from '../markdown/itemLinks';
import type { OmiStore } from '../store/omiStore';
import type { ListNode } from '../views/nodes';
import type { OmiViews } from '../views/omiViews';
import type { PagedTreeProvider } from '../views/pagedTreeProvider';

/** How many more pages a link may load to find its item in a view before saying it is not there. */
const PAGES_TO_FIND = 20;

/**
 * Opens what a link points at: a memory or an action item revealed and selected in its view (loading pages until it
 * is there), a conversation in the transcript panel. Resolves false when the item could not be shown (and says why).
 */
export async function openItemLink(deps: { store: OmiStore; views: OmiViews }, link: ItemLink): Promise<boolean> {
  if (link.kind === 'conversation') {
    await vscode.commands.executeCommand(COMMAND.openConversation, link.id);
    return true;
  }
  const kind = link.kind === 'memory' ? 'memories' : 'actionItems';
  await vscode.commands.executeCommand(`${kind === 'memories' ? 'omi.memories' : 'omi.actionItems'}.focus`);
  const list = deps.store.list(kind);
  for (let page = 0; !list.find(link.id) && !list.complete && page < PAGES_TO_FIND; page++) {
    await list.loadMore();
    if (list.error !== undefined) break;
  }
  const shown =
    kind === 'memories'
      ? await reveal(deps.views.providers.memories, deps.views.treeViews.memories, link.id)
      : await reveal(deps.views.providers.actionItems, deps.views.treeViews.actionItems, link.id);
  if (!shown) {
    void vscode.window.showInformationMessage(
      kind === 'memories'
        ? vscode.l10n.t('This memory is not in the Memories view: it may have been deleted, or its filter hides it.')
        : vscode.l10n.t(
            'This action item is not in the Action Items view: it may have been deleted, or its filter hides it.',
          ),
    );
    return false;
  }
  return true;
}

async function reveal<T>(provider: PagedTreeProvider<T>, view: vscode.TreeView<ListNode<T>>, id: string) {
  // A search in the view may hide the row: the item comes first.
  if (provider.currentList?.find(id) && provider.searchTerm) provider.setSearch(undefined);
  provider.getChildren();
  const node = provider.nodeOf(id);
  if (!node) return false;
  await view.reveal(node, { select: true, focus: true, expand: true });
  return true;
}
