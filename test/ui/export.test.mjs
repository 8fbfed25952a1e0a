import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answerQuickPick, exportedEntry, runCommand, screenshot, until, useSignedInWorkbench } from './workbench.mjs';

describe('UI: exporting from the command palette', () => {
  const ui = useSignedInWorkbench({ memories: 180, conversations: 12, actionItems: 20 });

  it('exports every memory as JSON into omi-export, then offers to open the file', async () => {
    const { page, folder } = ui.workbench;
    await runCommand(page, 'Omi: Export Memories');
    await answerQuickPick(page, 'Which memories?', 'All memories');
    await answerQuickPick(page, 'Which format?', 'JSON', { type: false });
    const exportFolder = path.join(folder, 'omi-export');
    const file = await exportedEntry(folder, /^omi-memories-.*\.json$/, 'the export file');
    const exported = JSON.parse(fs.readFileSync(path.join(exportFolder, file), 'utf8'));
    assert.equal(exported.kind, 'memories');
    assert.equal(exported.count, ui.sandbox.data.memories.length);
    assert.deepEqual(exported.items, ui.sandbox.data.memories);
    assert.deepEqual(fs.readdirSync(exportFolder), [file], 'no temporary files left');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported 180 memories' });
    await toast.waitFor({ timeout: 30_000 });
    await screenshot(page, 'export-done');
    await toast.getByRole('button', { name: 'Open' }).click();
    await page.locator('.editor-instance .monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await until(
      async () => (await page.locator('.tabs-container .tab').allInnerTexts()).some((t) => t.includes(file)),
      30_000,
      'the exported file to open in an editor',
    );
  });

  it('exports conversations of the last 7 days as Markdown notes in a folder', async () => {
    const { page, folder } = ui.workbench;
    await runCommand(page, 'Omi: Export Conversations');
    await answerQuickPick(page, 'Which conversations?', 'The last 7 days');
    await answerQuickPick(page, 'Include the transcripts?', 'With transcripts');
    await answerQuickPick(page, 'Which format?', 'Markdown');
    const exportFolder = path.join(folder, 'omi-export');
    const notesFolder = await exportedEntry(folder, /^omi-conversations-[^.]*$/, 'the folder of notes');
    const notes = fs.readdirSync(path.join(exportFolder, notesFolder));
    const weekAgo = Date.now() - 7 * 24 * 60 * 60 * 1000;
    const recent = ui.sandbox.data.conversations.filter(
      (c) => Date.parse(c.created_at) >= weekAgo - 24 * 60 * 60 * 1000,
    );
    assert.ok(notes.length > 0 && notes.length <= recent.length, `${notes.length} notes for ${recent.length} recent`);
    const first = fs.readFileSync(path.join(exportFolder, notesFolder, notes[0]), 'utf8');
    assert.match(first, /^---\nid: ".+"\ntitle: ".*"\ndate: .+\ncategory: .+\nduration: .+\n---\n\n# /);
    // The transcript as the panel's Copy as Markdown writes it: a summary line, then speaker · time and the words.
    assert.match(first, /\n## Transcript\n\n\*.+\*\n\n\*\*.+\*\* · \d+:\d\d\n\n\S/);
  });
});
