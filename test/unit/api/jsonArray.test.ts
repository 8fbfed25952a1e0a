import assert from 'node:assert/strict';
import { jsonArrayElements } from '../../../src/api/jsonArray';

const bytes = (text: string) => new TextEncoder().encode(text);
const elements = (text: string) => jsonArrayElements(bytes(text))?.map((element) => new TextDecoder().decode(element));

describe('jsonArrayElements', () => {
  it('finds each element of an array as its own text, whatever it holds', () => {
    const list = [
      { id: 'a', text: 'brackets ] } [ { and commas , in a string', nested: [[1, 2], { deep: [3] }] },
      'a "quoted" \\ string\\',
      42.5,
      null,
      [],
      {},
      { emoji: '😀 naïve — 日本語', escaped: '\u2028\u0000' },
    ];
    const text = JSON.stringify(list);
    assert.deepEqual(
      elements(text)?.map((element) => JSON.parse(element)),
      list,
    );
    assert.deepEqual(
      elements(JSON.stringify(list, null, 2))?.map((element) => JSON.parse(element)),
      list,
    );
  });

  it('takes an empty array and whitespace around and between elements', () => {
    assert.deepEqual(elements('[]'), []);
    assert.deepEqual(elements(' \n[ ]\r\n'), []);
    assert.deepEqual(elements('\t[ {"a":1} ,\n 2 ]  '), ['{"a":1}', '2']);
  });

  it('refuses what is not one array', () => {
    for (const text of [
      '',
      '{"a":1}',
      '[1,2',
      '[1,2]]',
      '[1,2] x',
      'x[1]',
      '[1,]',
      '[,1]',
      '[1,,2]',
      '["not closed]',
      '[{"a":1]',
      '[{"a":"\\"}]',
    ]) {
      assert.equal(jsonArrayElements(bytes(text)), undefined, text);
    }
  });

  it('hands out views into the bytes, not copies', () => {
    const body = bytes('[{"a":1},{"b":2}]');
    const [first] = jsonArrayElements(body) ?? [];
    assert.equal(first?.buffer, body.buffer);
    assert.equal(first?.byteOffset, 1);
  });
});
