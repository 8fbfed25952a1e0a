// One list of command ids: src/commandIds.ts and package.json's contributes.commands name the same ids, and the source
// registers and runs commands only through the constants, so a typo in an id cannot ship.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND } from '../../src/commandIds';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'sandbox' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('command ids', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
  const constants: string[] = Object.values(COMMAND);
  const files = sourceFiles(SRC).filter((file) => path.basename(file) !== 'commandIds.ts');

  it('names every contributed command once, and contributes every constant', () => {
    assert.deepEqual([...constants].sort(), [...contributed].sort());
    assert.equal(new Set(constants).size, constants.length, 'no id twice');
  });

  it('registers and runs commands only through the constants', () => {
    const literal = /(?:registerCommand|registerTextEditorCommand|executeCommand)\(\s*['"`]omi\./;
    const offenders = files.filter((file) => literal.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((f) => path.relative(ROOT, f)),
      [],
    );
    // A webview view type may share its command's id (omi.ask); it is declared as a *_VIEW_TYPE constant.
    const lines = files
      .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n'))
      .filter((l) => !/_VIEW_TYPE =/.test(l));
    for (const id of constants) {
      assert.ok(!lines.some((line) => line.includes(`'${id}'`)), `'${id}' is spelled out instead of COMMAND`);
    }
  });

  it('uses every constant somewhere in the source', () => {
    const text = files.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(COMMAND).filter((key) => !text.includes(`COMMAND.${key}`));
    assert.deepEqual(unused, []);
  });
});
