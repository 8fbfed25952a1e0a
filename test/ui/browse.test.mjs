import * as assert from 'node:assert/strict';
import { openOmiContainer, paneOf, rowsOf, runCommand, screenshot, useSignedInWorkbench } from './workbench.mjs';

describe('UI: browsing Omi data in the sidebar', () => {
  const ui = useSignedInWorkbench({ memories: 120, conversations: 30, actionItems: 40 });

  it('shows memories grouped by category with counts, and loads more on click', async () => {
    const container = await openOmiContainer(ui.workbench.page);
    // Trees only render the rows in view: give Memories the whole sidebar. A header is clicked on its title: its
    // middle holds the view's action buttons (Open Daily Summary…).
    for (const other of ['Action Items', 'Conversations']) {
      const header = container.locator('.pane-header', { hasText: other });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.locator('.title').click();
    }
    const memories = paneOf(container, 'Memories');
    const loadMore = rowsOf(memories).filter({ hasText: 'Load more…' });
    await loadMore.waitFor({ timeout: 60_000 });
    const labels = await rowsOf(memories).allInnerTexts();
    assert.ok(labels.length > 2, `category rows: ${labels.join(' | ')}`);
    const partialCounts = await memories.locator('.monaco-list-row .label-description').allInnerTexts();
    assert.ok(
      partialCounts.length > 0 && partialCounts.every((count) => /^\d+\+$/.test(count)),
      `a count is not read as a total while more may come: ${partialCounts.join(', ')}`,
    );
    const memoryPages = () => ui.sandbox.requests.filter((r) => r.path === '/v1/dev/user/memories');
    // While a page loads the row reads "Loading more…", not "Load more…": under load that can last seconds, so
    // the loop goes by what the server saw (120 memories: pages at 0, 50, 100, then the empty one at 150).
    for (let clicks = 0; clicks < 5 && memoryPages().length < 4; clicks++) {
      await loadMore.waitFor({ timeout: 30_000 });
      const before = memoryPages().length;
      // Rows move as a page arrives: a group's hover card can open under the resting pointer and cover the row.
      await ui.workbench.page.mouse.move(0, 0);
      await ui.workbench.page.keyboard.press('Escape');
      await loadMore.click();
      const deadline = Date.now() + 30_000;
      while (memoryPages().length === before && Date.now() < deadline) await ui.workbench.page.waitForTimeout(50);
      // Past Chromium's double-click interval (500 ms): a second click on the same row sooner is a double click,
      // which the tree does not treat as a click on its row.
      await ui.workbench.page.waitForTimeout(600);
    }
    await loadMore.waitFor({ state: 'detached', timeout: 30_000 });
    const requests = ui.sandbox.requests.filter((r) => r.path === '/v1/dev/user/memories').map((r) => r.query.offset);
    assert.deepEqual(requests, ['0', '50', '100', '150'], 'each page fetched once, ending on the empty page');
    const counts = await memories.locator('.monaco-list-row .label-description').allInnerTexts();
    assert.equal(
      counts.map(Number).reduce((a, b) => a + b, 0),
      120,
      'group counts add up to every memory',
    );
    await rowsOf(memories).first().click();
    await ui.workbench.page.keyboard.press('ArrowRight');
    await ui.workbench.page.waitForTimeout(300);
    await screenshot(ui.workbench.page, 'memories', { forDocs: true });
  });

  it('shows open action items first and conversations by day', async () => {
    const container = await openOmiContainer(ui.workbench.page);
    for (const name of ['Memories', 'Action Items', 'Conversations']) {
      const header = container.locator('.pane-header', { hasText: name });
      const expanded = (await header.getAttribute('aria-expanded')) === 'true';
      if (expanded === (name === 'Memories')) await header.locator('.title').click();
    }
    const actionItems = paneOf(container, 'Action Items');
    await rowsOf(actionItems).filter({ hasText: 'Open' }).first().waitFor({ timeout: 20_000 });
    // The first row is the Open group (Done, below its items, may be out of view and so not rendered).
    const first = ((await rowsOf(actionItems).first().textContent()) ?? '').trim();
    assert.match(first, /^Open\s*\d/, `open items first: ${first}`);
    const conversations = paneOf(container, 'Conversations');
    // The first row is "Loading conversations…" until the page is in.
    await rowsOf(conversations)
      .filter({ hasText: /Today|Yesterday|day|\d{4}/ })
      .first()
      .waitFor({ timeout: 30_000 });
    const dayRows = await rowsOf(conversations).allInnerTexts();
    assert.ok(
      dayRows.some((t) => /Today|Yesterday|day|\d{4}/.test(t)),
      `day groups: ${dayRows.join(' | ')}`,
    );
    // Older days are labelled with their date ("Wed, Nov 25, 2026"): newest first.
    const dated = dayRows
      .map((t) => /^(\w{3}, \w{3} \d{1,2}, \d{4})/.exec(t)?.[1])
      .filter(Boolean)
      .map((label) => Date.parse(label));
    assert.ok(dated.length > 1, `dated day groups: ${dayRows.join(' | ')}`);
    assert.deepEqual(
      dated,
      [...dated].sort((a, b) => b - a),
      'days newest first',
    );
    await screenshot(ui.workbench.page, 'views', { forDocs: true });
  });

  it('rides out an occasional 500: no error row, and the status bar does not say offline', async () => {
    const { page } = ui.workbench;
    ui.sandbox.resetRequests();
    ui.sandbox.setFaults({ failEvery: { n: 5, mode: '500', first: 1 } });
    try {
      await runCommand(page, 'Omi: Refresh');
      const answered = (list) => ui.sandbox.requests.some((r) => r.path === `/v1/dev/user/${list}` && r.status === 200);
      const deadline = Date.now() + 30_000;
      while (!['memories', 'action-items', 'conversations'].every(answered) && Date.now() < deadline) {
        await page.waitForTimeout(100);
      }
      assert.equal(ui.sandbox.requests[0]?.status, 500, 'the refresh met a 500 first');
      assert.ok(['memories', 'action-items', 'conversations'].every(answered), 'each list was answered');
      await page.waitForTimeout(500);
      const sidebar = await openOmiContainer(page);
      assert.doesNotMatch(await sidebar.innerText(), /problem|could not|Retry/i, 'no error row');
      const statusBar = await page.locator('.statusbar').innerText();
      assert.doesNotMatch(statusBar, /offline/i, 'a server error is not an outage');
    } finally {
      ui.sandbox.setFaults({ failEvery: null });
    }
  });
});
