import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keepScreenshotsOfFailures, openWorkbench, runCommand, startSandbox, until } from './workbench.mjs';

// 2500 memories come in pages of 1000: with latency, the last page arrives seconds after the quick pick opens.
const MEMORIES = 2500;
const PAGE = 1000;

describe('UI: Omi: Insert Memory… from the palette', () => {
  let workbench;
  let sandbox;
  const note = () => path.join(workbench.folder, 'notes.md');

  before(async () => {
    sandbox = await startSandbox({ memories: MEMORIES, conversations: 2, actionItems: 2 });
    workbench = await openWorkbench({
      settings: { 'omi.apiBaseUrl': sandbox.url },
      env: { OMI_API_KEY: sandbox.key },
    });
    await workbench.page.locator('.activitybar .action-item a[aria-label^="Omi"]').waitFor({ timeout: 60_000 });
    fs.writeFileSync(note(), '');
    const { page } = workbench;
    await page.keyboard.press('Control+P');
    await page.keyboard.type('notes.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'notes.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'notes.md' }).waitFor({ timeout: 30_000 });
  });

  after(async () => {
    await workbench?.close();
    await sandbox?.close();
  });
  keepScreenshotsOfFailures(() => workbench);

  const widget = () => workbench.page.locator('.quick-input-widget');
  const searchBox = () => widget().locator('input.input');
  const occurrences = (text, part) => text.split(part).length - 1;

  async function openInsertMemory() {
    await runCommand(workbench.page, 'Omi: Insert Memory');
    await widget().locator('input[placeholder^="Type to search"]').waitFor({ state: 'visible', timeout: 30_000 });
  }

  /**
   * Waits for the note on disk to hold `part` `times` times once the pick has closed (the web workbench saves by
   * itself after a moment), and returns its text either way, for the assertion to show.
   */
  async function noteHolding(part, times) {
    await widget().waitFor({ state: 'hidden', timeout: 30_000 });
    const read = () => fs.readFileSync(note(), 'utf8');
    await until(() => occurrences(read(), part) >= times, 15_000, `"${part}" in the note`).catch(() => {});
    return read();
  }

  it('inserts the match when Enter comes at once, while pages are still arriving, and keeps the search', async () => {
    const { page } = workbench;
    // A memory only the last page brings, found by text no other memory has.
    const memories = sandbox.data.memories;
    const target = memories
      .slice(2 * PAGE)
      .find((m) => memories.filter((o) => o.content.toLowerCase().includes(m.content.toLowerCase())).length === 1);
    assert.ok(target, 'a memory with text of its own in the last page');
    const memoryRequests = () => sandbox.requests.filter((r) => r.path === '/v1/dev/user/memories').length;
    sandbox.setFaults({ latencyMs: 1500 });
    try {
      await openInsertMemory();
      await page.keyboard.type(target.content);
      await page.keyboard.press('Enter');
      assert.ok(memoryRequests() <= 2, `Enter came before the last page was asked for (${memoryRequests()} requests)`);
      // Pages arrive while the pick waits for the match: the search the user typed stays in the box.
      const seen = new Set();
      while (await widget().isVisible()) {
        const shown = await searchBox()
          .inputValue({ timeout: 500 })
          .catch(() => undefined);
        if (shown !== undefined) seen.add(shown);
        await page.waitForTimeout(100);
      }
      assert.ok(memoryRequests() >= 3, 'the last page arrived while the pick was open');
      assert.deepEqual(
        [...seen].filter((value) => value !== target.content),
        [],
        'the search never changed',
      );
      const text = await noteHolding(target.content, 1);
      assert.equal(occurrences(text, target.content), 1, `the note holds the memory: ${JSON.stringify(text)}`);
    } finally {
      sandbox.setFaults({ latencyMs: 0 });
    }
  });

  it('after loading, Enter inserts the first memory shown for the search, or the row the user moved to', async () => {
    const { page } = workbench;
    const label = (row) => row.locator('.quick-input-list-row').first().locator('.label-name').textContent();
    for (const moves of [0, 2]) {
      const before = fs.readFileSync(note(), 'utf8');
      await openInsertMemory();
      await widget().locator('.quick-input-progress.done').waitFor({ state: 'attached', timeout: 30_000 });
      await page.keyboard.type('the');
      const shown = widget().locator('.quick-input-list .monaco-list-row:has(.quick-input-list-row)');
      await shown.first().waitFor({ timeout: 10_000 });
      for (let i = 0; i < moves; i++) await page.keyboard.press('ArrowDown');
      // What the user sees: the row they moved to, or with no row highlighted, the first row shown.
      const focused = widget().locator('.quick-input-list .monaco-list-row.focused');
      if (moves > 0) await focused.waitFor({ timeout: 10_000 });
      const wanted = (await label(moves > 0 ? focused : shown.first()))?.trim();
      await page.keyboard.press('Enter');
      const memory = sandbox.data.memories.find((m) => m.content === wanted);
      assert.ok(memory, `the row shows a memory: ${wanted}`);
      const times = occurrences(before, memory.content) + 1;
      const text = await noteHolding(memory.content, times);
      assert.equal(occurrences(text, memory.content), times, `"${wanted}" inserted: ${JSON.stringify(text)}`);
    }
  });

  it('says why when Enter has nothing to insert', async () => {
    const { page } = workbench;
    await openInsertMemory();
    await page.keyboard.type('no memory says this');
    await page.keyboard.press('Enter');
    await widget().waitFor({ state: 'hidden', timeout: 30_000 });
    await page
      .locator('.notifications-toasts .notification-toast', { hasText: 'No memory matches "no memory says this".' })
      .waitFor({ timeout: 15_000 });
  });
});
