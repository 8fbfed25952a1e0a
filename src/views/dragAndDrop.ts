import * as vscode from 'vscode';
import { textForDocument } from '../markdown/editorInsert';
import { formatItems, type KindedItems } from '../markdown/itemText';
import type { ListNode } from './nodes';
import { selectedItems } from './treeSelection';

/** Omi items being dragged: `{kind, items}` as JSON, the items exactly as the API sent them. */
export const OMI_ITEMS_MIME = 'application/vnd.omi.items+json';

const OMI_DROP_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('omi', 'items');

/**
 * Lets rows of the Omi trees be dragged into an editor. The drag carries the items under OMI_ITEMS_MIME, which the
 * drop provider below turns into text for the document it lands in, and plain text for anything else that takes a
 * drop. It carries no `text/uri-list`: these are not files.
 */
export class OmiTreeDragAndDrop<T> implements vscode.TreeDragAndDropController<ListNode<T>> {
  readonly dropMimeTypes: readonly string[] = [];
  readonly dragMimeTypes: readonly string[] = [OMI_ITEMS_MIME, 'text/plain'];

  handleDrag(source: readonly ListNode<T>[], dataTransfer: vscode.DataTransfer): void {
    const entry = selectedItems(source[0], source);
    if (!entry) return;
    dataTransfer.set(OMI_ITEMS_MIME, new vscode.DataTransferItem(JSON.stringify(entry)));
    dataTransfer.set('text/plain', new vscode.DataTransferItem(formatItems(entry, 'plain')));
  }
}

function isKindedItems(value: unknown): value is KindedItems {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  return (
    (kind === 'memories' || kind === 'actionItems' || kind === 'conversations') &&
    Array.isArray(items) &&
    items.every((item) => typeof item === 'object' && item !== null && typeof item.id === 'string')
  );
}

/** Inserts dragged Omi items as the same text `Insert into Editor` would, formatted for the target document. */
export class OmiDropProvider implements vscode.DocumentDropEditProvider {
  async provideDocumentDropEdits(
    document: vscode.TextDocument,
    _position: vscode.Position,
    dataTransfer: vscode.DataTransfer,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentDropEdit | undefined> {
    const raw = await dataTransfer.get(OMI_ITEMS_MIME)?.asString();
    if (!raw || token.isCancellationRequested) return undefined;
    let entry: unknown;
    try {
      entry = JSON.parse(raw);
    } catch {
      return undefined;
    }
    if (!isKindedItems(entry)) return undefined;
    const count = entry.items.length;
    return new vscode.DocumentDropEdit(
      textForDocument(entry, document),
      count === 1 ? vscode.l10n.t('Insert Omi item') : vscode.l10n.t('Insert {0} Omi items', count),
      OMI_DROP_KIND,
    );
  }
}

export function registerOmiDropProvider(): vscode.Disposable {
  return vscode.languages.registerDocumentDropEditProvider('*', new OmiDropProvider(), {
    dropMimeTypes: [OMI_ITEMS_MIME],
    providedDropEditKinds: [OMI_DROP_KIND],
  });
}
