import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openOmiContainer, screenshot, until, useSignedInWorkbench } from './workbench.mjs';

describe('UI: Omi in a Markdown note: @omi completion and a hover over the inserted link', () => {
  const ui = useSignedInWorkbench(
    { memories: 20, conversations: 5, actionItems: 5 },
    { settings: { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false } },
  );
  const note = () => path.join(ui.workbench.folder, 'meeting-notes.md');

  before(async () => {
    const { page } = ui.workbench;
    // Completion offers what the views have loaded: the Memories view loads its first page.
    const sidebar = await openOmiContainer(page);
    await sidebar.locator('.monaco-list-row', { hasText: ui.sandbox.data.memories[0].category }).first().waitFor({
      timeout: 30_000,
    });
    fs.writeFileSync(note(), '# Meeting notes\n\n');
    await page.keyboard.press('Control+P');
    await page.keyboard.type('meeting-notes.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'meeting-notes.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'meeting-notes.md' }).waitFor({ timeout: 30_000 });
  });

  it('types @omi and words, accepts the suggestion, and hovers the link it inserted', async () => {
    const { page } = ui.workbench;
    const memories = ui.sandbox.data.memories;
    const wordsOf = (m) => m.content.split(/\s+/).slice(0, 3).join(' ');
    const target = memories.find((m) => memories.filter((o) => o.content.includes(wordsOf(m))).length === 1);
    assert.ok(target, 'a memory whose first words no other has');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`Decided: @omi ${wordsOf(target)}`, { delay: 40 });

    const suggest = page.locator('.editor-widget.suggest-widget');
    const row = suggest.locator('.monaco-list-row', { hasText: 'Omi memory' }).first();
    if (!(await row.isVisible().catch(() => false))) {
      await row.waitFor({ timeout: 3000 }).catch(() => page.keyboard.press('Control+Space'));
    }
    await row.waitFor({ timeout: 15_000 });
    const first = suggest.locator('.monaco-list-row').first();
    assert.ok(
      (await first.textContent())?.includes(target.content.slice(0, 30)),
      `the memory typed for comes first: ${await first.textContent()}`,
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    const text = await until(
      () => {
        const now = fs.readFileSync(note(), 'utf8');
        return now.includes(target.content) ? now : undefined;
      },
      15_000,
      'the memory in the note',
    );
    assert.ok(!text.includes('@omi'), `the trigger and words were replaced: ${JSON.stringify(text)}`);
    assert.match(text, /\[Omi memory\]\([a-z-]+:\/\/omi-community\.omi-vscode\/openMemory\?id=[^)]+&v=[0-9a-z]+\)/);

    // Hover the link: the memory as Omi has it now.
    const linkText = editor.locator('.view-line span', { hasText: 'openMemory' }).first();
    await linkText.waitFor({ timeout: 10_000 });
    const box = await linkText.boundingBox();
    assert.ok(box, 'the link is on screen');
    await page.mouse.move(box.x + 12, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Omi memory' });
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok((await hover.textContent())?.includes(target.content.slice(0, 30)), 'the hover shows the memory');
    await screenshot(page, 'notes-hover', { forDocs: true });
  });
});
