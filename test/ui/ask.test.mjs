import * as assert from 'node:assert/strict';
import {
  focusWorkbench,
  openWorkbench,
  runCommand,
  screenshot,
  startSandbox,
  transcriptFrame,
  whenSignedIn,
} from './workbench.mjs';

describe('UI: Omi: Ask…', () => {
  let workbench;
  let sandbox;

  before(async () => {
    sandbox = await startSandbox({ memories: 20, conversations: 20, actionItems: 5 });
    workbench = await openWorkbench({
      settings: { 'omi.apiBaseUrl': sandbox.url, 'workbench.colorTheme': 'Default Dark Modern' },
      env: { OMI_API_KEY: sandbox.key },
    });
    await workbench.page.locator('.activitybar .action-item a[aria-label^="Omi"]').waitFor({ timeout: 60_000 });
    await whenSignedIn(workbench.page);
  });

  after(async () => {
    await workbench?.close();
    await sandbox?.close();
  });

  /** The frame of the Ask panel once it shows `question`. */
  async function askFrame(page, question, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        const shown = await frame
          .evaluate(() => document.querySelector('main#app h1.question')?.textContent ?? null)
          .catch(() => null);
        if (shown === question) return frame;
      }
      await page.waitForTimeout(250);
    }
    throw new Error(`no Ask panel showing "${question}" within ${timeoutMs} ms`);
  }

  it('asks a question, shows the answer with its sources, and opens a source', async () => {
    const { page } = workbench;
    const target = sandbox.data.conversations[4];
    const question = `What did we say about ${target.structured.title
      .replace(/[^\p{L}\p{N} ]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()}?`;
    await runCommand(page, 'Omi: Ask');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('input[placeholder^="Ask about your conversations"]').waitFor({ timeout: 15_000 });
    await page.keyboard.type(question);
    await widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Ask:' }).first().waitFor();
    await page.keyboard.press('Enter');
    const frame = await askFrame(page, question);
    await frame.locator('.answer p').first().waitFor({ timeout: 15_000 });
    const answer = await frame.locator('.answer').textContent();
    assert.ok(answer && answer.length > 20, `an answer: ${answer}`);
    const first = frame.locator('.sources button').first();
    assert.equal((await first.textContent())?.trim(), target.structured.title, 'the conversation asked about first');
    await screenshot(page, 'ask', { forDocs: true });
    await first.click();
    const transcript = await transcriptFrame(page, target.structured.title);
    assert.ok(transcript, 'the source opened in the transcript panel');
    await focusWorkbench(page);
  });
});
