import * as assert from 'node:assert/strict';
import {
  focusWorkbench,
  openOmiContainer,
  panelFrame,
  paneOf,
  rowsOf,
  runCommand,
  screenshot,
  useSignedInWorkbench,
} from './workbench.mjs';

describe('UI: daily summaries and folders', () => {
  const ui = useSignedInWorkbench({ memories: 30, conversations: 40, actionItems: 20 });

  it('opens the newest day’s summary from the palette', async () => {
    const { page } = ui.workbench;
    const newest = ui.sandbox.data.dailySummaries[0];
    await runCommand(page, 'Omi: Open Daily Summary');
    const widget = page.locator('.quick-input-widget');
    const first = widget.locator('.quick-input-list .monaco-list-row').first();
    await first.waitFor({ timeout: 15_000 });
    assert.ok((await first.textContent())?.includes(newest.headline), 'the newest day first');
    await page.keyboard.press('Enter');
    const frame = await panelFrame(page, 'main#app h1.headline', newest.headline, 'Daily Summary panel');
    await frame.locator('.stats dd').first().waitFor({ timeout: 15_000 });
    const stats = await frame.locator('.stats dd').allTextContents();
    assert.equal(stats[0], String(newest.stats.total_conversations));
    const highlights = await frame.locator('.highlights li').count();
    assert.equal(highlights, newest.highlights.length);
    await screenshot(page, 'daily-summary', { forDocs: true });
  });

  it('switches the Conversations view to folders', async () => {
    const { page } = ui.workbench;
    const container = await openOmiContainer(page);
    for (const name of ['Memories', 'Action Items', 'Conversations']) {
      const header = container.locator('.pane-header', { hasText: name });
      const expanded = (await header.getAttribute('aria-expanded')) === 'true';
      // The title, not the header's middle: its action buttons (Add Action Item…) sit there.
      if (expanded !== (name === 'Conversations')) await header.locator('.title').click();
    }
    await runCommand(page, 'Omi: Group by Folder');
    const conversations = paneOf(container, 'Conversations');
    const work = ui.sandbox.data.folders.find((f) => f.name === 'Work');
    // The folder's group row ("Work" and its count), not a conversation whose category is work.
    await rowsOf(conversations)
      .filter({ hasText: /^Work\s*\d/ })
      .first()
      .waitFor({ timeout: 30_000 });
    const rows = await rowsOf(conversations).allInnerTexts();
    assert.ok(
      rows.some((t) => t.includes('Work') && t.includes(String(work.conversation_count))),
      `folder groups with counts: ${rows.join(' | ')}`,
    );
    await screenshot(page, 'conversations-by-folder', { forDocs: true });
  });

  it('comes back after a reload showing the day it showed', async () => {
    const { page } = ui.workbench;
    const day = ui.sandbox.data.dailySummaries[1];
    await runCommand(page, 'Omi: Open Daily Summary');
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: day.headline });
    await row.first().click({ timeout: 15_000 });
    await panelFrame(page, 'main#app h1.headline', day.headline, 'Daily Summary panel');
    // As a user reloads: the workbench saves its open editors first.
    await focusWorkbench(page);
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(2000);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const frame = await panelFrame(page, 'main#app h1.headline', day.headline, 'the restored panel', 60_000);
    await frame.locator('.stats dd').first().waitFor({ timeout: 15_000 });
    assert.equal((await frame.locator('.stats dd').allTextContents())[0], String(day.stats.total_conversations));
  });
});
