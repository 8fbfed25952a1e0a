import * as assert from 'node:assert/strict';
import { type Group, StableGroups } from '../../../src/commands/stableGroups';

interface Row {
  id: string;
  kind: string;
  text?: string;
}

const rows = (spec: string): Row[] =>
  spec.split(' ').map((token) => {
    const [kind, id] = token.split(':');
    return { id: id!, kind: kind! };
  });
const shape = (groups: Group<Row>[]) => groups.map((g) => `${g.key}:${g.items.map((r) => r.id).join(',')}`);

describe('StableGroups: groups that keep their order as items arrive', () => {
  const grouping = () =>
    new StableGroups<Row>(
      (r) => r.id,
      (r) => r.kind,
    );

  it('orders the first groups shown by size, then by name', () => {
    assert.deepEqual(shape(grouping().update(rows('b:1 a:2 c:3 c:4 a:5'))), ['a:2,5', 'c:3,4', 'b:1']);
  });

  it('appends newcomers to their group and new groups at the end, without moving what was shown', () => {
    const groups = grouping();
    const first = rows('b:1 a:2 c:3 c:4 a:5');
    groups.update(first);
    // b becomes the biggest group, and d is new: the order stays, d comes last.
    const more = [...first, ...rows('b:6 b:7 b:8 d:9 a:10')];
    assert.deepEqual(shape(groups.update(more)), ['a:2,5,10', 'c:3,4', 'b:1,6,7,8', 'd:9']);
  });

  it('keeps the order when the list is given again, drops items gone, and moves an item whose group changed', () => {
    const groups = grouping();
    groups.update(rows('a:1 a:2 b:3 b:4 b:5'));
    const edited = { id: '1', kind: 'b', text: 'edited' };
    const shown = groups.update([edited, ...rows('a:2 b:3 b:5 a:6')]);
    assert.deepEqual(shape(shown), ['b:3,5,1', 'a:2,6']);
    assert.equal(shown[0]!.items[2], edited, 'the latest version of an item');
  });

  it('sorts by size when the first items arrive after an empty start, and keeps empty groups out', () => {
    const groups = grouping();
    assert.deepEqual(groups.update([]), []);
    assert.deepEqual(shape(groups.update(rows('x:1 y:2 y:3'))), ['y:2,3', 'x:1']);
    assert.deepEqual(shape(groups.update(rows('x:1'))), ['x:1']);
    assert.deepEqual(shape(groups.update(rows('x:1 y:2'))), ['y:2', 'x:1'], 'a group that comes back keeps its place');
  });
});
