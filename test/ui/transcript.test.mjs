import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT } from '../harness/paths.mjs';
import {
  focusWorkbench,
  keepScreenshotsOfFailures,
  openByPastedId,
  openOmiContainer,
  openWorkbench,
  runCommand,
  screenshot,
  startSandbox,
  transcriptFrame,
} from './workbench.mjs';

const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_SCRIPT = '<script>alert("omi")</script>';

/** The turns the panel should show, computed by the extension's own (unit-tested) code from the server's data. */
async function expectedTurns(conversation) {
  const { buildTranscript, formatTimecode } = await import(path.join(ROOT, 'out/src/transcript/turns.js'));
  const transcript = buildTranscript(conversation.transcript_segments);
  return transcript.turns.map((turn) => ({
    speaker: transcript.speakers[turn.speaker].label,
    isUser: transcript.speakers[turn.speaker].isUser,
    time: formatTimecode(turn.start),
    text: turn.text,
  }));
}

/** Runs a palette command by its exact title (Enter could pick a longer title that ranks first). */
async function runExactCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await pickRow(page, title);
}

/** Clicks the quick pick row whose label is exactly `label`. */
async function pickRow(page, label) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
  await row.waitFor({ timeout: 20_000 });
  await row.click();
}

/** Picks a colour theme as a user would, from "Preferences: Color Theme". */
async function setTheme(page, theme) {
  await runExactCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input.input').fill(theme);
  await pickRow(page, theme);
}

const transcriptReads = (sandbox, id) =>
  sandbox.requests.filter((r) => r.path === `/v1/dev/user/conversations/${encodeURIComponent(id)}`);

describe('UI: reading a conversation in the transcript panel', () => {
  let workbench;
  let sandbox;
  const dialogs = [];

  before(async () => {
    sandbox = await startSandbox({
      hostile: true,
      conversations: 30,
      memories: 20,
      actionItems: 30,
      transcriptSegments: { min: 40, max: 5000 },
    });
    workbench = await openWorkbench({
      settings: { 'omi.apiBaseUrl': sandbox.url, 'workbench.colorTheme': 'Default Dark Modern' },
      env: { OMI_API_KEY: sandbox.key },
    });
    workbench.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  keepScreenshotsOfFailures(() => workbench);

  after(async () => {
    await workbench?.close();
    await sandbox?.close();
  });

  /** The conversation first read from the tree: one in the expanded Today group with an ordinary title. */
  let chosen;

  it('opens a conversation from the Conversations view with speakers, times and text', async () => {
    const { page } = workbench;
    const container = await openOmiContainer(page);
    for (const name of ['Memories', 'Action Items']) {
      const header = container.locator('.pane-header', { hasText: name });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.locator('.title').click();
    }
    const conversations = container.locator('.pane', {
      has: page.locator('.pane-header', { hasText: 'Conversations' }),
    });
    const rows = conversations.locator('.monaco-list-row[role="treeitem"][aria-level="2"]');
    await rows.first().waitFor({ timeout: 30_000 });
    const shownTitles = await rows.allInnerTexts();
    chosen = sandbox.data.conversations.find(
      (c) => /^[\w ,:'-]+$/.test(c.structured.title ?? '') && shownTitles.some((t) => t.includes(c.structured.title)),
    );
    assert.ok(chosen, `an ordinary conversation among the rows shown: ${shownTitles.join(' | ')}`);
    const conversation = chosen;
    const title = conversation.structured.title;
    const row = rows.filter({ hasText: title }).first();
    await row.click();
    // A click that lands while the tree re-renders its rows only selects the row; Enter opens the selected row.
    const frame = await transcriptFrame(page, title, 10_000).catch(async () => {
      await row.press('Enter');
      return transcriptFrame(page, title);
    });
    const turns = await expectedTurns(conversation);
    const shown = frame.locator('.turn');
    await shown.first().waitFor({ timeout: 20_000 });
    for (let i = 0; i < 3; i++) {
      const turn = shown.nth(i);
      const speaker = turns[i].isUser ? `${turns[i].speaker} (you)` : turns[i].speaker;
      assert.equal(await turn.locator('.speaker').textContent(), speaker);
      assert.equal(await turn.locator('.time').textContent(), turns[i].time);
      assert.equal(await turn.locator('.turn-text').textContent(), turns[i].text);
    }
    const summary = await frame.locator('.summary').textContent();
    assert.match(summary, /\d+ speakers? · [\d,]+ segments?/);
    assert.ok(await frame.locator('.toolbar button[aria-label="Copy transcript as Markdown"]').isVisible());
    await frame.locator('.turns[data-complete="true"]').waitFor({ timeout: 30_000 });
    assert.equal(await shown.count(), turns.length, 'every turn is shown');
    await runCommand(page, 'View: Close Primary Side Bar');
    await page.waitForTimeout(500);
    await screenshot(page, 'transcript-dark');
  });

  it('follows light and high contrast themes', async () => {
    const { page } = workbench;
    const settle = async () => {
      // A theme switch may start extensions a moment later; the screenshots are for the docs.
      await page.waitForTimeout(1000);
      await page
        .locator('.statusbar', { hasText: 'Activating Extensions' })
        .waitFor({ state: 'detached', timeout: 20_000 })
        .catch(() => {});
      await page.waitForTimeout(500);
    };
    await setTheme(page, 'Light Modern');
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: 20_000 });
    const frame = await transcriptFrame(page, chosen.structured.title);
    await frame.locator('body.vscode-light').waitFor({ timeout: 20_000 });
    const speakerBar = () =>
      frame
        .locator('.turn')
        .first()
        .evaluate((turn) => getComputedStyle(turn).borderLeftColor);
    const lightBar = await speakerBar();
    await settle();
    await screenshot(page, 'transcript-light');

    await setTheme(page, 'Dark High Contrast');
    await frame.locator('body.vscode-high-contrast').waitFor({ timeout: 20_000 });
    assert.notEqual(await speakerBar(), lightBar, 'speaker colours come from the theme');
    const border = await frame
      .locator('.turn')
      .first()
      .evaluate((turn) => getComputedStyle(turn).borderTopStyle);
    assert.equal(border, 'solid', 'turns are outlined in high contrast');
    await settle();
    await screenshot(page, 'transcript-high-contrast');

    await setTheme(page, 'Dark Modern');
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 20_000 });
  });

  it('shows hostile titles, overviews and transcript text literally, running none of it', async () => {
    const { page } = workbench;
    const conversation = sandbox.data.conversations.find((c) => c.structured.title === XSS_IMG);
    assert.ok(conversation, 'the sandbox serves a conversation titled with markup');
    await openByPastedId(page, conversation);
    const frame = await transcriptFrame(page, XSS_IMG);
    assert.equal(await frame.locator('h1.title > span:not(.emoji)').textContent(), XSS_IMG);
    await frame.getByText(XSS_IMG, { exact: true }).first().waitFor({ state: 'visible' });
    assert.ok((await frame.locator('.overview').textContent()).includes(XSS_SCRIPT));
    await frame.locator('.turns[data-complete="true"]').waitFor({ timeout: 30_000 });
    const markupTurns = (await expectedTurns(conversation)).filter((t) => /[<>]/.test(t.text));
    for (const turn of markupTurns) {
      await frame.locator('.turn-text', { hasText: turn.text }).first().waitFor({ state: 'attached' });
    }
    assert.equal(await frame.locator('img, a, iframe, object, embed').count(), 0, 'no element came from Omi text');
    const scripts = await frame.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, text: s.text })));
    assert.equal(scripts.filter((s) => s.src.endsWith('/transcript.js')).length, 1, 'the panel’s own script');
    assert.deepEqual(
      scripts.filter((s) => /alert|omi"/.test(s.text)),
      [],
      'no script came from Omi text',
    );
    assert.deepEqual(dialogs, [], 'no dialog opened');
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /^default-src 'none';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.ok(!(await frame.content()).includes(sandbox.key), 'the API key is not in the page');
  });

  it('reaches the tools from the keyboard and opens the transcript as Markdown', async () => {
    const { page } = workbench;
    const conversation = chosen;
    await openByPastedId(page, conversation);
    const frame = await transcriptFrame(page, conversation.structured.title);
    await frame.locator('h1.title').click();
    let focused = '';
    for (let presses = 0; presses < 8 && focused !== 'Open as Markdown in a new editor'; presses++) {
      await page.keyboard.press('Tab');
      focused = await frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    }
    assert.equal(focused, 'Open as Markdown in a new editor', 'Tab reaches the button');
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor .view-lines');
    await editor.filter({ hasText: '## Transcript' }).first().waitFor({ timeout: 20_000 });
    const tab = page.locator('.tabs-container .tab.active');
    assert.match(await tab.textContent(), /Untitled/);
    await runCommand(page, 'View: Revert and Close Editor');
    await tab.filter({ hasText: 'Untitled' }).waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('shows a new title in place when the conversation is renamed, keeping the turns on the page', async () => {
    const { page } = workbench;
    const sizes = sandbox.data.conversations.map((c) => c.transcript_segments.length);
    const other = sandbox.data.conversations.find(
      (c) =>
        c !== chosen &&
        /^[\w ,:'-]+$/.test(c.structured.title ?? '') &&
        c.transcript_segments.length > 100 &&
        c.transcript_segments.length < Math.max(...sizes),
    );
    assert.ok(other, 'another ordinary conversation');
    await openByPastedId(page, other);
    const frame = await transcriptFrame(page, other.structured.title);
    await frame.locator('.turns[data-complete="true"]').waitFor({ timeout: 30_000 });
    const turns = await frame.locator('.turn').count();
    await frame
      .locator('.turn')
      .nth(turns - 1)
      .evaluate((turn) => {
        turn.dataset.probe = 'kept';
      });
    const renamed = 'Renamed while open';
    await runCommand(page, 'Omi: Rename Conversation…');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(renamed);
    await page.keyboard.press('Enter');
    await frame.locator('h1.title', { hasText: renamed }).waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('.turn').count(), turns, 'every turn is still there');
    assert.equal(await frame.locator('.turn[data-probe="kept"]').count(), 1, 'the turns were not drawn again');
  });

  it('paints the first screen of a 5,000-segment transcript before the rest, as one list', async () => {
    const { page } = workbench;
    const big = sandbox.data.conversations
      .filter((c) => !/[<>]/.test(c.structured.title ?? '<'))
      .reduce((a, b) => (b.transcript_segments.length > a.transcript_segments.length ? b : a));
    assert.ok(big.transcript_segments.length >= 4000, `largest transcript: ${big.transcript_segments.length}`);
    await openByPastedId(page, big);
    const frame = await transcriptFrame(page, big.structured.title);
    await frame.locator('.turns[data-complete="true"]').waitFor({ timeout: 60_000 });
    const mark = (name) => frame.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name);
    const [firstPaint, allTurns] = [await mark('omi:first-paint'), await mark('omi:all-turns')];
    const turns = (await expectedTurns(big)).length;
    assert.equal(await frame.locator('.turn').count(), turns, 'every turn arrives in the end');
    // How long it takes is measured by `npm run bench`, not asserted here.
    assert.ok(firstPaint < allTurns, 'the first screen was painted before the last turns were added');
    const groups = await frame.locator('.turn-group').count();
    assert.ok(groups > 1 && groups < turns, `turns are laid out in groups: ${groups}`);
    const tree = await frame.locator('.turns').ariaSnapshot();
    assert.match(tree, /^- list "Transcript turns":\n {2}- listitem/, 'the groups are not in the accessibility tree');
  });

  it('paints a reopened panel from its saved first screen, back at the reader’s place', async () => {
    const { page } = workbench;
    const big = sandbox.data.conversations
      .filter((c) => !/[<>]/.test(c.structured.title ?? '<'))
      .reduce((a, b) => (b.transcript_segments.length > a.transcript_segments.length ? b : a));
    await openByPastedId(page, big);
    const before = await transcriptFrame(page, big.structured.title);
    await before.locator('.turns[data-complete="true"]').waitFor({ timeout: 60_000 });
    const place = 300;
    await before.locator(`.turn[data-index="${place}"]`).evaluate((turn) => turn.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(1000); // the page saves the place once scrolling pauses
    // Another conversation in front discards the hidden panel's page; opening the first again starts it anew.
    await openByPastedId(page, chosen);
    await transcriptFrame(page, chosen.structured.title);
    await openByPastedId(page, big);
    const frame = await transcriptFrame(page, big.structured.title);
    await frame.locator('.turns[data-complete="true"]').waitFor({ timeout: 60_000 });
    const [restored, show] = await frame.evaluate(() =>
      ['omi:restored', 'omi:show'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? null),
    );
    assert.ok(restored !== null && show !== null && restored < show, 'painted from its saved first screen first');
    const top = await frame
      .locator(`.turn[data-index="${place}"]`)
      .evaluate((turn) => turn.getBoundingClientRect().top);
    assert.ok(Math.abs(top) < 40, `turn ${place} is back at the top of the view: ${top}`);
  });

  it('comes back after a reload with its speaker filter, read from the cache rather than the server', async () => {
    const { page } = workbench;
    const conversation = chosen;
    await focusWorkbench(page);
    await runCommand(page, 'View: Close All Editors');
    await page
      .locator('.editor-group-container .tab')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    await openByPastedId(page, conversation);
    const before = await transcriptFrame(page, conversation.structured.title);
    await before.locator('.turns[data-complete="true"]').waitFor({ timeout: 30_000 });
    // Hide the second speaker: their turns go, and the choice is kept in the webview's state.
    const turns = await expectedTurns(conversation);
    const hiddenSpeaker = [...new Set(turns.map((t) => t.speaker))][1];
    const chip = before.locator('.speaker-filter .chip', { hasText: hiddenSpeaker }).first();
    await chip.click();
    assert.equal(await chip.getAttribute('aria-pressed'), 'false');
    const shownTurns = turns.filter((t) => t.speaker !== hiddenSpeaker).length;
    assert.equal(await before.locator('.turn:not([hidden])').count(), shownTurns);
    sandbox.resetRequests();

    // As a user reloads: the workbench saves its open editors first (a bare page reload may not get to).
    await focusWorkbench(page);
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(2000);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const frame = await transcriptFrame(page, conversation.structured.title, 60_000);
    await frame.locator('.turns[data-complete="true"]').waitFor({ timeout: 30_000 });
    assert.equal(transcriptReads(sandbox, conversation.id).length, 0, 'no request for the restored transcript');
    const [restored, show] = await frame.evaluate(() =>
      ['omi:restored', 'omi:show'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? null),
    );
    assert.ok(restored !== null && show !== null && restored < show, 'painted from its saved first screen first');
    const restoredChip = frame.locator('.speaker-filter .chip', { hasText: hiddenSpeaker }).first();
    assert.equal(await restoredChip.getAttribute('aria-pressed'), 'false', 'the filter came back');
    assert.equal(await frame.locator('.turn:not([hidden])').count(), shownTurns);
  });
});
