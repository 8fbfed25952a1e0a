import * as assert from 'node:assert/strict';
import { openOmiContainer, openWorkbench, screenshot, startSandbox } from './workbench.mjs';

describe('UI: browsing Omi data in the sidebar', () => {
  let workbench;
  let sandbox;

  before(async () => {
    sandbox = await startSandbox({ memories: 120, conversations: 30, actionItems: 40 });
    // The key arrives through OMI_API_KEY, as `npm start` hands it over.
    workbench = await openWorkbench({
      settings: { 'omi.apiBaseUrl': sandbox.url, 'workbench.colorTheme': 'Default Dark Modern' },
      env: { OMI_API_KEY: sandbox.key },
    });
  });

  after(async () => {
    await workbench?.close();
    await sandbox?.close();
  });

  const rowsOf = (pane) => pane.locator('.monaco-list-row[role="treeitem"]');
  const pane = (container, name) =>
    container.locator('.pane', { has: container.page().locator('.pane-header', { hasText: name }) });

  it('shows memories grouped by category with counts, and loads more on click', async () => {
    const container = await openOmiContainer(workbench.page);
    // Trees only render the rows in view: give Memories the whole sidebar.
    for (const other of ['Action Items', 'Conversations']) {
      const header = container.locator('.pane-header', { hasText: other });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const memories = pane(container, 'Memories');
    const loadMore = rowsOf(memories).filter({ hasText: 'Load more…' });
    await loadMore.waitFor({ timeout: 20_000 });
    const labels = await rowsOf(memories).allInnerTexts();
    assert.ok(labels.length > 2, `category rows: ${labels.join(' | ')}`);
    // Click Load more until the list ends. Each click waits for its page to be shown: on a busy machine the row
    // still reads "Loading more…" well after the request arrived. A lost click is repeated; the page list below
    // still catches a page fetched twice.
    const shown = async () =>
      (await memories.locator('.monaco-list-row .label-description').allInnerTexts())
        .map(Number)
        .reduce((a, b) => a + b, 0);
    const loading = rowsOf(memories).filter({ hasText: 'Loading more' });
    const allShownBy = Date.now() + 60_000;
    while (Date.now() < allShownBy) {
      if ((await loadMore.count()) === 0) {
        if ((await loading.count()) === 0) break;
        await workbench.page.waitForTimeout(50);
        continue;
      }
      const before = await shown();
      await loadMore.click();
      const deadline = Date.now() + 10_000;
      while ((await shown()) === before && (await loadMore.count()) > 0 && Date.now() < deadline) {
        await workbench.page.waitForTimeout(50);
      }
    }
    await loadMore.waitFor({ state: 'detached', timeout: 15_000 });
    const requests = sandbox.requests.filter((r) => r.path === '/v1/dev/user/memories').map((r) => r.query.offset);
    assert.deepEqual(requests, ['0', '50', '100', '150'], 'each page fetched once, ending on the empty page');
    const counts = await memories.locator('.monaco-list-row .label-description').allInnerTexts();
    assert.equal(
      counts.map(Number).reduce((a, b) => a + b, 0),
      120,
      'group counts add up to every memory',
    );
    await rowsOf(memories).first().click();
    await workbench.page.keyboard.press('ArrowRight');
    await workbench.page.waitForTimeout(300);
    await screenshot(workbench.page, 'memories');
  });

  it('shows open action items first and conversations by day', async () => {
    const container = await openOmiContainer(workbench.page);
    for (const name of ['Memories', 'Action Items', 'Conversations']) {
      const header = container.locator('.pane-header', { hasText: name });
      const expanded = (await header.getAttribute('aria-expanded')) === 'true';
      if (expanded === (name === 'Memories')) await header.click();
    }
    const actionItems = pane(container, 'Action Items');
    await rowsOf(actionItems).filter({ hasText: 'Open' }).first().waitFor({ timeout: 20_000 });
    const conversations = pane(container, 'Conversations');
    await rowsOf(conversations)
      .filter({ hasText: /Today|Yesterday|day|\d{4}/ })
      .first()
      .waitFor({ timeout: 20_000 });
    const dayRows = await rowsOf(conversations).allInnerTexts();
    assert.ok(
      dayRows.some((t) => /Today|Yesterday|day|\d{4}/.test(t)),
      `day groups: ${dayRows.join(' | ')}`,
    );
    await screenshot(workbench.page, 'views');
  });
});
