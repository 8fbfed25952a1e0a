import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  openOmiContainer,
  paneOf,
  rowsOf,
  screenshot,
  until,
  useSignedInWorkbench,
  whenSignedIn,
} from './workbench.mjs';

describe('UI: acting on Omi data', () => {
  const ui = useSignedInWorkbench({ memories: 20, conversations: 3, actionItems: 12 });

  it('ticks off an action item with its checkbox', async () => {
    const { page } = ui.workbench;
    const container = await openOmiContainer(page);
    for (const name of ['Memories', 'Conversations', 'Action Items']) {
      const header = container.locator('.pane-header', { hasText: name });
      const expanded = (await header.getAttribute('aria-expanded')) === 'true';
      if (expanded !== (name === 'Action Items')) await header.locator('.title').click();
    }
    const target = ui.sandbox.data.actionItems.find((a) => !a.completed);
    assert.ok(target, 'an open action item');
    const row = rowsOf(paneOf(container, 'Action Items'))
      .filter({ hasText: target.description.slice(0, 40) })
      .first();
    const checkbox = row.locator('.custom-view-tree-node-item-checkbox');
    await checkbox.waitFor({ timeout: 30_000 });
    await checkbox.click();
    await until(
      () => ui.sandbox.data.actionItems.find((a) => a.id === target.id)?.completed === true,
      15_000,
      'the action item done in Omi',
    );
    // Done now, the row moved to the Done group: open it and find the row ticked there. The tree redraws as the row
    // moves, so a click on the group can land while it is being replaced: it is opened again until it stays open.
    const doneGroup = rowsOf(paneOf(container, 'Action Items')).filter({ hasText: /^Done/ }).first();
    const ticked = rowsOf(paneOf(container, 'Action Items'))
      .filter({ hasText: target.description.slice(0, 40) })
      .locator('.custom-view-tree-node-item-checkbox[aria-checked="true"]');
    await until(
      async () => {
        if ((await doneGroup.getAttribute('aria-expanded').catch(() => null)) === 'false') {
          await doneGroup.click().catch(() => {});
        }
        return (await ticked.count()) === 1;
      },
      15_000,
      'the row ticked, under Done',
    );
    await screenshot(page, 'action-item-ticked', { forDocs: true });
  });

  it('remembers a line from the editor’s context menu', async () => {
    const { page } = ui.workbench;
    await whenSignedIn(page);
    const text = 'Priya prefers written agendas a day ahead';
    fs.writeFileSync(path.join(ui.workbench.folder, 'meeting-notes.md'), `# Notes\n${text}\n`);
    await page.keyboard.press('Control+P');
    await page.keyboard.type('meeting-notes.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'meeting-notes.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: text }).waitFor({ timeout: 30_000 });
    // The cursor on the line, nothing selected: the command takes the whole line.
    await editor.locator('.view-line', { hasText: text }).click();
    const widget = page.locator('.quick-input-widget');
    const categoryPick = widget.locator('input[placeholder="Let Omi choose, or pick a category"]');
    // On a busy machine a click can reach the context menu before it takes clicks: the gesture is made again then.
    for (let attempt = 1; ; attempt++) {
      await editor.locator('.view-line', { hasText: text }).click({ button: 'right' });
      const item = page.locator('.context-view .action-item', { hasText: 'Remember Selection' });
      await item.waitFor({ timeout: 15_000 });
      await item.hover();
      await item.click();
      const shown = await categoryPick
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (attempt === 3) throw new Error('Remember Selection did not ask for a category after three tries');
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press('Enter');
    const created = await until(
      () => ui.sandbox.data.memories.find((m) => m.content === text),
      15_000,
      'the memory in Omi',
    );
    assert.ok(created.category, 'Omi chose a category');
    const category = created.category.charAt(0).toUpperCase() + created.category.slice(1);
    const toasts = page.locator('.notifications-toasts');
    await until(
      async () => ((await toasts.textContent()) ?? '').includes(`Remembered in Omi as ${category}: “${text}”`),
      15_000,
      'the notification saying where the memory went',
    );
  });
});
