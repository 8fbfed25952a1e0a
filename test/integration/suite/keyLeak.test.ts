// Runs last (test/integration/index.ts orders it so): after every suite has signed in, rotated and created keys,
// exported, opened transcripts and insights and logged, no key may be anywhere on disk but in secret storage.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Any Omi developer key, not only the sandbox's: suites create and rotate keys of their own. */
const ANY_KEY = /omi_dev_[0-9a-f]{32}/;

function filesWithKeys(dir: string, hits: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // The browser profile is the keyring of this setup: code-server's secret storage lives there.
    if (entry.name === 'chromium-profile') continue;
    if (entry.isDirectory()) filesWithKeys(full, hits);
    else if (entry.isFile() && fs.statSync(full).size < 50_000_000) {
      const match = ANY_KEY.exec(fs.readFileSync(full, 'latin1'));
      if (match) hits.push(`${full} (${match[0].slice(0, 12)}…)`);
    }
  }
}

describe('After the whole session: the key is nowhere but in secret storage', () => {
  it('is in no setting, log, cache, webview state, export or workspace file', () => {
    const runDir = process.env.OMI_TEST_RUN_DIR;
    assert.ok(runDir, 'the harness tells where its user data, logs and extension storage live');
    const hits: string[] = [];
    filesWithKeys(runDir, hits);
    for (const folder of vscode.workspace.workspaceFolders ?? []) filesWithKeys(folder.uri.fsPath, hits);
    assert.deepEqual(hits, []);
  });

  it('would find one (the search is not blind)', () => {
    const runDir = process.env.OMI_TEST_RUN_DIR!;
    const planted = path.join(runDir, 'planted-key.txt');
    fs.writeFileSync(planted, `token=omi_dev_${'ab'.repeat(16)}\n`);
    try {
      const hits: string[] = [];
      filesWithKeys(runDir, hits);
      assert.equal(hits.length, 1);
    } finally {
      fs.rmSync(planted);
    }
  });
});
