import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  answerQuickPick,
  exportedEntry,
  focusWorkbench,
  keepScreenshotsOfFailures,
  openOmiContainer,
  openWorkbench,
  runCommand,
  screenshot,
  startSandbox,
  transcriptFrame,
  until,
} from './workbench.mjs';

// The smoke test of a release: the packaged VSIX in a clean profile, used from nothing to an export.
describe('UI: the packaged extension in the VS Code workbench', () => {
  let workbench;
  let sandbox;

  before(async () => {
    sandbox = await startSandbox();
    workbench = await openWorkbench({ settings: { 'omi.apiBaseUrl': sandbox.url } });
  });

  keepScreenshotsOfFailures(() => workbench);

  after(async () => {
    await workbench?.close();
    await sandbox?.close();
  });

  it('installs from the VSIX with only what it needs', () => {
    const installed = fs.readdirSync(path.join(workbench.runDir, 'exts')).find((d) => d.startsWith('omi-community.'));
    assert.ok(installed, 'the extension folder exists after --install-extension');
    const root = path.join(workbench.runDir, 'exts', installed);
    const files = fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    console.log(`      installed files (${files.length}):\n${files.map((f) => `        ${f}`).join('\n')}`);
    const wanted = [
      /^dist\/extension\.js$/,
      /^dist\/webview\/(transcript|insights|ask|dailySummary)\.(js|css)$/,
      /^media\//,
      /^docs\/images\/[\w-]+\.png$/,
      /^l10n\/bundle\.l10n\.json$/,
      /^(package\.json|package\.nls\.json|readme\.md|changelog\.md|LICENSE\.txt|\.vsixmanifest)$/i,
    ];
    assert.deepEqual(
      files.filter((file) => !wanted.some((pattern) => pattern.test(file))),
      [],
      'nothing but the bundle, its manifest, strings, media and documents',
    );
    for (const needed of [
      'dist/extension.js',
      'dist/webview/transcript.js',
      'package.nls.json',
      'l10n/bundle.l10n.json',
    ]) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
  });

  it('shows the Omi container with the three views and their welcome text', async () => {
    const container = await openOmiContainer(workbench.page);
    for (const name of ['Memories', 'Action Items', 'Conversations']) {
      await container.locator('.pane-header', { hasText: name }).first().waitFor({ timeout: 15_000 });
    }
    await container.getByText('Your Omi memories will appear here').waitFor({ timeout: 15_000 });
    await container.getByText('Your Omi action items will appear here').waitFor();
    await container.getByText('Your Omi conversations will appear here').waitFor();
    const buttons = container.locator('.welcome-view-content a.monaco-button', { hasText: 'Set API Key' });
    assert.equal(await buttons.count(), 3, 'each view offers Set API Key');
    await screenshot(workbench.page, 'welcome', { forDocs: true });
  });

  it('rejects a malformed key as it is typed, then signs in with a real one', async () => {
    const { page } = workbench;
    await runCommand(page, 'Omi: Set API Key');
    const input = page.locator('.quick-input-widget input.input');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Omi: Set API Key' }).waitFor();
    assert.equal(await input.getAttribute('type'), 'password', 'the key is hidden as it is typed');
    await input.fill('omi_dev_123');
    await page.locator('.quick-input-widget .quick-input-message', { hasText: '32 characters' }).waitFor();
    await screenshot(page, 'set-api-key');
    await input.fill(`Bearer ${sandbox.key}`);
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'signed in with key' }).waitFor({ timeout: 15_000 });
    const container = await openOmiContainer(page);
    await container.getByText('Your Omi memories will appear here').waitFor({ state: 'hidden', timeout: 15_000 });
    await container.locator('.monaco-list-row[role="treeitem"]').first().waitFor({ timeout: 15_000 });
  });

  it('opens the newest conversation from the palette in the transcript panel', async () => {
    const { page } = workbench;
    const newest = sandbox.data.conversations[0];
    await runCommand(page, 'Omi: Open Conversation…');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Omi: Open Conversation' }).waitFor();
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await first.filter({ hasText: newest.structured.title }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    const frame = await transcriptFrame(page, newest.structured.title);
    const turns = await until(
      async () => (await frame.locator('.turns .turn').count()) || undefined,
      20_000,
      'the transcript turns',
    );
    assert.ok(turns > 0, 'the transcript shows its turns');
    const firstText = newest.transcript_segments[0]?.text ?? '';
    assert.ok((await frame.locator('.turns').textContent())?.includes(firstText.slice(0, 40)), 'with their text');
  });

  it('exports the memories as JSON into the workspace', async () => {
    const { page, folder } = workbench;
    await focusWorkbench(page); // back from the transcript webview
    await runCommand(page, 'Omi: Export Memories…');
    await answerQuickPick(page, 'Which memories?', 'All memories');
    await answerQuickPick(page, 'Which format?', 'JSON', { type: false });
    const exportFolder = path.join(folder, 'omi-export');
    const file = await exportedEntry(folder, /^omi-memories-.*\.json$/, 'the export file');
    await page.locator('.notifications-toasts', { hasText: 'Exported' }).waitFor({ timeout: 30_000 });
    const exported = JSON.parse(fs.readFileSync(path.join(exportFolder, file), 'utf8'));
    assert.equal(exported.kind, 'memories');
    assert.deepEqual(exported.items, sandbox.data.memories, 'every memory, exactly as served');
    assert.ok(!JSON.stringify(exported).includes(sandbox.key), 'the key is not in the export');
  });
});
