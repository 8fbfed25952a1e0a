import * as assert from 'node:assert/strict';
import type { GroupNode, ItemNode } from '../../../src/views/nodes';
import { selectedItems } from '../../../src/views/treeSelection';

type Item = { id: string; content?: string };

function item(view: string, id: string, parent?: GroupNode<Item>): ItemNode<Item> {
  return { kind: 'item', id: `${view}:item:${id}`, item: { id }, parent };
}

describe('selectedItems', () => {
  const group: GroupNode<Item> = {
    kind: 'group',
    id: 'omi.memories:group:work',
    key: 'work',
    label: 'Work',
    items: [{ id: 'g1' }, { id: 'm2' }],
  };

  it('takes the clicked row alone, or the whole selection', () => {
    const a = item('omi.memories', 'm1');
    const b = item('omi.memories', 'm2');
    assert.deepEqual(selectedItems(a), { kind: 'memories', items: [{ id: 'm1' }] });
    assert.deepEqual(selectedItems(b, [a, b]), { kind: 'memories', items: [{ id: 'm1' }, { id: 'm2' }] });
  });

  it('expands groups to their loaded items, each item once', () => {
    const b = item('omi.memories', 'm2');
    assert.deepEqual(selectedItems(b, [b, group]), { kind: 'memories', items: [{ id: 'm2' }, { id: 'g1' }] });
  });

  it('knows the kind from the view and ignores other views and status rows', () => {
    const conversation = item('omi.conversations', 'c1');
    const status = { kind: 'status', id: 'omi.conversations:status', status: 'loadMore', label: 'Load more…' };
    assert.deepEqual(selectedItems(conversation, [conversation, item('omi.memories', 'm1'), status]), {
      kind: 'conversations',
      items: [{ id: 'c1' }],
    });
    assert.equal(selectedItems(item('omi.actionItems', 'a1'))?.kind, 'actionItems');
  });

  it('returns undefined for anything else', () => {
    assert.equal(selectedItems(undefined), undefined);
    assert.equal(selectedItems('omi.memories'), undefined);
    assert.equal(selectedItems({ kind: 'item', id: 'elsewhere:item:1', item: { id: '1' } }), undefined);
    assert.equal(selectedItems({ kind: 'status', id: 'omi.memories:status' }), undefined);
  });
});
