import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openOmiContainer, openWorkbench, runCommand, screenshot, startSandbox } from './workbench.mjs';

describe('UI: the packaged extension in the VS Code workbench', () => {
  let workbench;
  let sandbox;

  before(async () => {
    sandbox = await startSandbox();
    workbench = await openWorkbench({ settings: { 'omi.apiBaseUrl': sandbox.url } });
  });

  after(async () => {
    await workbench?.close();
    await sandbox?.close();
  });

  it('installs from the VSIX with only what it needs', () => {
    const installed = fs.readdirSync(path.join(workbench.runDir, 'exts')).find((d) => d.startsWith('omi-community.'));
    assert.ok(installed, 'the extension folder exists after --install-extension');
    const root = path.join(workbench.runDir, 'exts', installed);
    assert.ok(fs.existsSync(path.join(root, 'dist/extension.js')), 'the bundle is packaged');
    for (const unwanted of ['src', 'test', 'node_modules', 'out', '.tools', 'scripts', 'dist/sandbox.js']) {
      assert.ok(!fs.existsSync(path.join(root, unwanted)), `${unwanted} is not packaged`);
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
});
