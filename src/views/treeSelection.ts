// The Omi items a tree command was invoked on (no vscode import at runtime: unit-tested).
import type { KindedItems } from '../markdown/itemText';
import type { ListKind } from '../util/listKind';
import type { ListNode } from './nodes';
import { VIEW_IDS } from './viewIds';

function isNode(value: unknown): value is ListNode<{ id: string }> {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, id } = value as { kind?: unknown; id?: unknown };
  return (kind === 'item' || kind === 'group') && typeof id === 'string';
}

/** The view a node lives in, from its id (`omi.memories:item:<id>`, `omi.actionItems:group:open`). */
function kindOfNode(node: ListNode<unknown>): ListKind | undefined {
  const viewId = node.id.slice(0, node.id.indexOf(':'));
  return (Object.keys(VIEW_IDS) as ListKind[]).find((kind) => VIEW_IDS[kind] === viewId);
}

/**
 * What a tree command received — VS Code passes (clicked node, selected nodes) when several rows are selected — as
 * items of one kind, in selection order, each once. A group row stands for the items of it that are loaded.
 * Nodes from another view than the clicked one are ignored; undefined when nothing usable was given.
 */
export function selectedItems(clicked: unknown, selected?: unknown): KindedItems | undefined {
  const nodes = (Array.isArray(selected) && selected.length > 0 ? selected : [clicked]).filter(isNode);
  const first = isNode(clicked) ? clicked : nodes[0];
  const kind = first && kindOfNode(first);
  if (!kind) return undefined;
  const seen = new Set<string>();
  const items: { id: string }[] = [];
  for (const node of nodes) {
    if (kindOfNode(node) !== kind) continue;
    for (const item of node.kind === 'group' ? node.items : node.kind === 'item' ? [node.item] : []) {
      if (typeof item?.id !== 'string' || seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items.length > 0 ? ({ kind, items } as KindedItems) : undefined;
}
