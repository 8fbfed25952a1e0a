import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  exportFileName,
  exportFolderName,
  fileTimestamp,
  MAX_NAME_BYTES,
  safeFileName,
  truncateUtf8,
  uniqueName,
  utf8Length,
} from '../../../src/export/fileNames';

/** What every safe name must satisfy, on any platform. */
function assertSafe(name: string): void {
  assert.ok(name.length > 0, 'not empty');
  assert.ok(!/[/\\:*?"<>|]/.test(name), `no separators or forbidden characters: ${JSON.stringify(name)}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
  assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(name), 'no control characters');
  assert.ok(!name.startsWith('.'), 'not hidden, not . or ..');
  assert.ok(!/[. ]$/.test(name.replace(/\.md$/, '')), 'no trailing dot or space');
  assert.ok(utf8Length(name) <= MAX_NAME_BYTES, 'bounded');
  assert.equal(path.posix.basename(name), name, 'one path segment (posix)');
  assert.equal(path.win32.basename(name), name, 'one path segment (windows)');
  assert.doesNotMatch(name.split('.')[0]!, /^(con|prn|aux|nul|com\d|lpt\d)$/i, 'not a reserved Windows name');
}

describe('export file names', () => {
  it('names exports by kind and UTC time without colons', () => {
    const date = new Date('2026-11-28T10:50:00.123Z');
    assert.equal(fileTimestamp(date), '2026-11-28T10-50-00');
    assert.equal(exportFileName('memories', date, 'json'), 'omi-memories-2026-11-28T10-50-00.json');
    assert.equal(exportFileName('actionItems', date, 'jsonl'), 'omi-action-items-2026-11-28T10-50-00.jsonl');
    assert.equal(exportFolderName('conversations', date), 'omi-conversations-2026-11-28T10-50-00');
  });

  it('keeps path traversal inside the folder', () => {
    for (const hostile of [
      '../../x',
      '..\\x',
      '..\\..\\x',
      '../../etc/passwd',
      '/etc/passwd',
      'C:\\Windows\\x',
      '..',
      '.',
    ]) {
      const name = safeFileName(hostile, 'md');
      assertSafe(name);
      assert.equal(path.resolve('/export', name).startsWith('/export/'), true, name);
    }
    assert.equal(safeFileName('../../x'), 'x');
    assert.equal(safeFileName('..\\x'), 'x');
    assert.equal(safeFileName('..'), 'untitled');
  });

  it('prefixes reserved Windows names, whatever their case and extension', () => {
    assert.equal(safeFileName('CON'), '_CON');
    assert.equal(safeFileName('nul.txt'), '_nul.txt');
    assert.equal(safeFileName('NUL.txt', 'md'), '_NUL.txt.md');
    assert.equal(safeFileName('com1', 'md'), '_com1.md');
    assert.equal(safeFileName('Lpt9 '), '_Lpt9');
    assert.equal(safeFileName('aux:prn|com1?*"<lpt1>'), 'aux-prn-com1----lpt1-');
    assert.equal(safeFileName('Console'), 'Console', 'only the exact names are reserved');
    assertSafe(safeFileName('CON .txt'));
  });

  it('removes control and invisible characters', () => {
    assert.equal(safeFileName('\u0000nul \u0007bell \u001bescape'), 'nul bell escape');
    assert.equal(safeFileName('line one\r\nline two'), 'line one line two');
    assert.equal(safeFileName('evil\u202etxt.exe'), 'evil txt.exe', 'no right-to-left override');
    assert.equal(safeFileName('zero\u200bwidth'), 'zero width');
    assert.equal(safeFileName('\u0000\u0001'), 'untitled');
    assertSafe(safeFileName('tab\there\u0085next\u009f'));
  });

  it('bounds a 1 MB name without splitting characters', () => {
    const huge = `${'A very long memory 🧠 '.repeat(60_000)}THE END`;
    const started = Date.now();
    const name = safeFileName(huge, 'md');
    assert.ok(Date.now() - started < 500, 'fast');
    assertSafe(name);
    assert.ok(name.endsWith('.md'));
    assert.ok(utf8Length(name) > MAX_NAME_BYTES - 30, 'uses the budget');
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name), 'no half pair');
  });

  it('keeps emoji whole, modifiers and joiners included', () => {
    assert.equal(safeFileName('🧠💬🔥 ideas'), '🧠💬🔥 ideas');
    const family = '👩‍👩‍👧‍👦';
    const cut = truncateUtf8(`ab${family}`, 10);
    assert.equal(cut, 'ab', 'a family emoji is dropped whole, not cut into parts');
    assert.equal(truncateUtf8(`ab${family}`, 100), `ab${family}`);
    assert.equal(safeFileName('\ud83e'), 'untitled', 'a lone surrogate is removed');
  });

  it('numbers duplicates case-insensitively', () => {
    const taken = new Set<string>();
    assert.equal(uniqueName('Plan.md', taken), 'Plan.md');
    assert.equal(uniqueName('plan.md', taken), 'plan (2).md');
    assert.equal(uniqueName('Plan.md', taken), 'Plan (3).md');
  });
});
