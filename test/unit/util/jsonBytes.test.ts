import * as assert from 'node:assert/strict';
import { jsonBytes, jsonBytesOnce } from '../../../src/util/jsonBytes';

describe('JSON bytes', () => {
  it('are the UTF-8 bytes of JSON.stringify, made once per object', () => {
    const value = { id: 'a', text: 'é “quoted” 🧠', nested: [1, null, { deep: true }] };
    assert.equal(jsonBytes(value).toString('utf8'), JSON.stringify(value));
    const once = jsonBytesOnce();
    const first = once(value);
    assert.equal(first.toString('utf8'), JSON.stringify(value));
    assert.equal(once(value), first, 'the same bytes for the same object');
    assert.notEqual(once({ ...value }), first, 'another object is serialized for itself');
    assert.equal(once('text').toString('utf8'), '"text"');
  });

  it("takes bytes made elsewhere (an export file's indented text) for an object", () => {
    const once = jsonBytesOnce();
    const value = { id: 'a', list: [1, 2] };
    const indented = Buffer.from(JSON.stringify(value, null, 2));
    once.remember(value, indented);
    assert.equal(once(value), indented);
    assert.deepEqual(JSON.parse(once(value).toString('utf8')), value);
    once.forget(value);
    assert.equal(once(value).toString('utf8'), JSON.stringify(value), 'forgotten: made again, compact');
    once.forget('not an object');
  });
});
