import * as assert from 'node:assert/strict';
import {
  focusWorkbench,
  panelFrame,
  runCommand,
  screenshot,
  transcriptFrame,
  useSignedInWorkbench,
} from './workbench.mjs';

describe('UI: Omi: Ask…', () => {
  const ui = useSignedInWorkbench({ memories: 20, conversations: 20, actionItems: 5 });

  it('asks a question, shows the answer with its sources, and opens a source', async () => {
    const { page } = ui.workbench;
    const target = ui.sandbox.data.conversations[4];
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
    const frame = await panelFrame(page, 'main#app h1.question', question, 'Ask panel');
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
