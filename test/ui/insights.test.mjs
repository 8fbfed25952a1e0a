import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openOmiContainer, runCommand, SCREENSHOTS, screenshot, useSignedInWorkbench } from './workbench.mjs';

/** The frame of the Insights webview (webviews are iframes inside iframes), once it has drawn its charts. */
async function insightsFrame(page, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const count = await frame
        .evaluate(() => document.querySelectorAll('main#app figure canvas').length)
        .catch(() => 0);
      if (count >= 8) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error('no webview frame with the Insights charts');
}

/** Each canvas's id, size and how many of its pixels were painted. */
function paintedCanvases(frame) {
  return frame.evaluate(() =>
    [...document.querySelectorAll('figure[data-chart]')].map((figure) => {
      const canvas = figure.querySelector('canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
      return { id: figure.dataset.chart, width: canvas.width, height: canvas.height, painted };
    }),
  );
}

/** Picks a colour theme from the palette, as a user would. */
async function chooseTheme(page, frame, theme, bodyClass) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.fill('>Preferences: Color Theme');
  // Not "Browse Color Themes in Marketplace", which would come first.
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await frame.waitForFunction((name) => document.body.classList.contains(name), bodyClass, { timeout: 30_000 });
  // The webview redraws its charts when its body class changes.
  await frame.waitForTimeout(500);
}

describe('UI: Omi Insights', () => {
  const ui = useSignedInWorkbench({ memories: 150, conversations: 90, actionItems: 80 });
  const cspMessages = [];

  before(() => {
    ui.workbench.page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspMessages.push(message.text());
    });
  });

  it('draws every chart from the palette command, with no CSP violation', async () => {
    const { page } = ui.workbench;
    const container = await openOmiContainer(page);
    await container.locator('.monaco-list-row[role="treeitem"]').first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Omi: Show Insights');
    const frame = await insightsFrame(page);
    await frame.locator('.summary', { hasText: 'conversations' }).waitFor({ timeout: 30_000 });
    const canvases = await paintedCanvases(frame);
    assert.deepEqual(
      canvases.map((c) => c.id),
      [
        'memoryCategories',
        'memoriesPerWeek',
        'conversationsPerDay',
        'conversationHours',
        'conversationCategories',
        'actionItemStatus',
        'actionItemDue',
        'actionItemsPerWeek',
      ],
    );
    for (const canvas of canvases) {
      assert.ok(canvas.width > 100 && canvas.height > 100, `${canvas.id} has a size: ${canvas.width}×${canvas.height}`);
      assert.ok(canvas.painted > 2000, `${canvas.id} is drawn (${canvas.painted} pixels)`);
    }
    const requests = ui.sandbox.requests.filter((r) => r.query.limit === '1000' || r.query.limit === '100');
    assert.ok(requests.length >= 3, 'the lists were paged with the largest pages');
    assert.deepEqual(cspMessages, [], 'no Content Security Policy violation');
    // Room for every chart in the screenshot: no side bar, a tall window.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.setViewportSize({ width: 1400, height: 2400 });
    await frame.waitForFunction(
      () => {
        const last = document.querySelector('figure[data-chart="actionItemsPerWeek"]');
        return (
          last && last.getBoundingClientRect().bottom < window.innerHeight && last.getBoundingClientRect().width > 1000
        );
      },
      undefined,
      { timeout: 20_000 },
    );
    await frame.waitForTimeout(300); // Chart.js redraws on its ResizeObserver's next frame
    const last = await frame.locator('figure[data-chart="actionItemsPerWeek"]').boundingBox();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, 'insights.png');
    await page.screenshot({
      path: file,
      clip: { x: 0, y: 0, width: 1400, height: Math.ceil(last.y + last.height + 24) },
    });
    assert.ok(fs.statSync(file).size > 10_000);
  });

  it('reports what the policy blocks (so the check above can fail)', async () => {
    const frame = await insightsFrame(ui.workbench.page);
    await frame.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://example.invalid/tracker.png';
      document.body.append(image);
    });
    const deadline = Date.now() + 15_000;
    while (cspMessages.length === 0 && Date.now() < deadline) await ui.workbench.page.waitForTimeout(100);
    assert.ok(
      cspMessages.some((m) => m.includes('img-src')),
      'a blocked image is reported',
    );
    cspMessages.length = 0;
    await frame.evaluate(() => document.querySelector('img')?.remove());
  });

  it('changes the range without a request and redraws', async () => {
    const frame = await insightsFrame(ui.workbench.page);
    ui.sandbox.resetRequests();
    const before = await frame.locator('.summary').textContent();
    await frame.locator('select#range').selectOption('30d');
    await frame.waitForFunction((text) => document.querySelector('.summary')?.textContent !== text, before, {
      timeout: 20_000,
    });
    const days = await frame.evaluate(() => {
      const [from, to] = document.querySelector('.summary').textContent.match(/\d{4}-\d{2}-\d{2}/g);
      return Math.round((new Date(to) - new Date(from)) / 864e5) + 1;
    });
    assert.equal(days, 30);
    assert.deepEqual(ui.sandbox.requests, [], 'the lists are held: no request');
  });

  it('follows the light and high-contrast themes', async () => {
    const { page } = ui.workbench;
    const frame = await insightsFrame(page);
    await chooseTheme(page, frame, 'Light Modern', 'vscode-light');
    for (const canvas of await paintedCanvases(frame)) assert.ok(canvas.painted > 2000, `${canvas.id} redrawn`);
    await screenshot(page, 'insights-light');
    await chooseTheme(page, frame, 'Dark High Contrast', 'vscode-high-contrast');
    for (const canvas of await paintedCanvases(frame)) assert.ok(canvas.painted > 2000, `${canvas.id} redrawn`);
    await screenshot(page, 'insights-high-contrast');
    assert.deepEqual(cspMessages, [], 'no Content Security Policy violation');
  });

  it('opens what a chart counts from the keyboard, as a click on a mark does', async () => {
    const { page } = ui.workbench;
    const frame = await insightsFrame(page);
    const card = frame.locator('figure[data-chart="memoryCategories"]');
    const summary = card.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const first = card.locator('ul.marks button').first();
    await first.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await first.textContent();
    const category = text.slice(0, text.lastIndexOf(':')).toLowerCase();
    await page.keyboard.press('Tab');
    assert.equal(await frame.evaluate(() => document.activeElement?.textContent), text, 'Tab reaches the first mark');
    await page.keyboard.press('Enter');
    const memories = page.locator('.pane-header', { hasText: 'Memories' });
    await memories.locator('.description', { hasText: `Filtered: ${category}` }).waitFor({ timeout: 20_000 });
  });
});
