// Opens a real VS Code workbench (code-server) in headless Chromium with the packaged VSIX installed, for UI tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from '../harness/browser.mjs';
import { installVsix, makeRunDir, startCodeServer } from '../harness/codeServer.mjs';
import { RESULTS, ROOT } from '../harness/paths.mjs';

export const SCREENSHOTS = path.join(RESULTS, 'screenshots');
const DOCS_IMAGES = path.join(ROOT, 'docs/images');

export function packagedVsix() {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `omi-vscode-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} is missing: the ui tier runs after "npm run package".`);
  return vsix;
}

/** The sandbox server, started in this process from the compiled sources. */
export async function startSandbox(options = {}) {
  const { startSandbox: start } = await import(path.join(ROOT, 'out/src/sandbox/index.js'));
  return start({ shortPages: false, ...options });
}

/**
 * @param {{ settings?: object, env?: object, colorScheme?: 'dark' | 'light' }} [options]
 */
export async function openWorkbench(options = {}) {
  const runDir = makeRunDir('ui');
  const folder = path.join(runDir, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  installVsix(runDir, packagedVsix());
  const server = await startCodeServer({ runDir, folder, settings: options.settings, env: options.env });
  const browser = await launchBrowser(runDir, { colorScheme: options.colorScheme });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const close = async () => {
    await browser.close().catch(() => {});
    await server.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  return { page, server, runDir, folder, pageErrors, close };
}

/**
 * Mocha hooks for a test file: a sandbox with `data`, and a workbench with the packaged VSIX signed in to it through
 * OMI_API_KEY (as `npm start` hands the key over), closed after the file. Returns `{ sandbox, workbench }`, filled
 * in before the first test.
 */
export function useSignedInWorkbench(data, { settings = {} } = {}) {
  const context = {};
  before(async () => {
    context.sandbox = await startSandbox(data);
    context.workbench = await openWorkbench({
      settings: { 'omi.apiBaseUrl': context.sandbox.url, 'workbench.colorTheme': 'Default Dark Modern', ...settings },
      env: { OMI_API_KEY: context.sandbox.key },
    });
    await whenSignedIn(context.workbench.page);
  });
  keepScreenshotsOfFailures(() => context.workbench);
  after(async () => {
    await context.workbench?.close();
    await context.sandbox?.close();
  });
  return context;
}

/** Mocha hook: a failed test leaves a screenshot of its workbench in test-results/screenshots. */
export function keepScreenshotsOfFailures(workbenchOf) {
  afterEach(async function () {
    const workbench = workbenchOf();
    if (this.currentTest?.state !== 'failed' || !workbench) return;
    await screenshot(workbench.page, `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {});
  });
}

/**
 * Runs a command from the palette by its title, as a user would type it. A palette that does not list the command
 * is closed and opened once more (something taking focus as it loads can leave it stale); failing again, the error
 * names the rows it showed.
 */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input.input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      const shown = await page.locator('.quick-input-list .monaco-list-row').allTextContents();
      if (attempt === 2) {
        throw new Error(`the palette did not list "${title}"; it showed: ${JSON.stringify(shown)}`, { cause: error });
      }
      console.warn(`[ui] the palette did not list "${title}" (it showed ${JSON.stringify(shown)}); trying again`);
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}

export async function openOmiContainer(page) {
  const tab = page.locator('.activitybar .action-item a[aria-label^="Omi"]');
  await tab.waitFor({ timeout: 60_000 });
  const container = page.locator('[id="workbench.view.extension.omi"]');
  if (!(await container.isVisible())) await tab.click();
  await container.waitFor({ timeout: 15_000 });
  return container;
}

/**
 * Saves a screenshot under test-results/screenshots. Those named for the README are also copied to docs/images
 * when OMI_UPDATE_DOCS_IMAGES=1 (commit them after looking at them).
 */
export async function screenshot(page, name, { forDocs = false } = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (forDocs && process.env.OMI_UPDATE_DOCS_IMAGES === '1') {
    fs.mkdirSync(DOCS_IMAGES, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS_IMAGES, `${name}.png`));
  }
  return file;
}

/** Waits until `find` returns something, polling; fails after timeoutMs. */
export async function until(find, timeoutMs, what) {
  const started = Date.now();
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Answers a question of the export: once it is on screen, types to filter the choices (unless the wanted one is
 * the default), checks that the highlighted row is the one wanted, and presses Enter.
 */
export async function answerQuickPick(page, question, choice, { type = true } = {}) {
  const widget = page.locator('.quick-input-widget');
  await widget.locator(`input[placeholder="${question}"]`).waitFor({ state: 'visible', timeout: 30_000 });
  if (type) await page.keyboard.type(choice);
  // The row's first line: a row keeps an (empty) detail line once an earlier quick pick has shown details.
  const focused = widget.locator('.quick-input-list .monaco-list-row.focused');
  const label = focused.locator('.quick-input-list-row').first().locator('.label-name');
  await until(
    async () => (await focused.count()) === 1 && (await label.textContent())?.trim() === choice,
    30_000,
    choice,
  );
  await page.keyboard.press('Enter');
}

/**
 * The frame of the transcript panel showing `title`. Webviews are nested iframes (the workbench's webview host,
 * then the page), and hidden panels may keep theirs, so frames are searched by content.
 */
export function transcriptFrame(page, title, timeoutMs = 30_000) {
  return panelFrame(page, 'main#app h1.title', title, 'transcript panel', timeoutMs);
}

/** The frame of the webview panel whose `heading` (a selector) shows `text`: panels are found by what they show. */
export async function panelFrame(page, heading, text, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const shown = await frame
        .evaluate((selector) => document.querySelector(selector)?.textContent ?? null, heading)
        .catch(() => null);
      if (shown?.includes(text)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no ${what} showing "${text}" within ${timeoutMs} ms`);
}

/** Keyboard focus back on the workbench (a focused webview keeps F1 to itself while it loads). */
export async function focusWorkbench(page) {
  await page.locator('.part.titlebar').click({ position: { x: 200, y: 10 } });
}

/**
 * Opens a conversation with Omi: Open Conversation… by pasting its id, as a user can, and returns the epoch ms at
 * which its row was accepted. A webview that takes focus as it finishes loading closes a quick pick that has just
 * opened (it hides on focus loss, as it should for users): then the pick is opened again.
 */
export async function openByPastedId(page, conversation) {
  for (let attempt = 1; ; attempt++) {
    try {
      await focusWorkbench(page);
      await runCommand(page, 'Omi: Open Conversation…');
      const input = page.locator('.quick-input-widget input.input');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Omi: Open Conversation' }).waitFor();
      await input.fill(conversation.id, { timeout: 10_000 });
      // A conversation the list has loaded shows as its own row, alone at the top.
      const row = page.locator('.quick-input-list .monaco-list-row').first();
      await row.filter({ hasText: conversation.structured.title }).waitFor({ timeout: 10_000 });
      const accepted = Date.now();
      await page.keyboard.press('Enter');
      return accepted;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** The name of the first entry of `folder`/omi-export matching `pattern`, once the export has put it there. */
export function exportedEntry(folder, pattern, what = 'the export') {
  const exportFolder = path.join(folder, 'omi-export');
  return until(
    () => fs.existsSync(exportFolder) && fs.readdirSync(exportFolder).find((n) => pattern.test(n)),
    30_000,
    what,
  );
}

/**
 * Waits until the status bar shows the extension signed in: palette commands that need a key (`when: omi.signedIn`)
 * are only listed from then on, and a palette opened earlier does not learn of them.
 */
export async function whenSignedIn(page, timeoutMs = 60_000) {
  const statusBar = async () => (await page.locator('.statusbar').textContent()) ?? '';
  await until(
    async () => /Omi/.test(await statusBar()) && !/Set Key/.test(await statusBar()),
    timeoutMs,
    'the sign-in',
  );
}

/** The tree rows of a view pane. */
export function rowsOf(pane) {
  return pane.locator('.monaco-list-row[role="treeitem"]');
}

/** The pane of the Omi container whose header names `name` ("Memories", "Action Items", …). */
export function paneOf(container, name) {
  return container.locator('.pane', { has: container.page().locator('.pane-header', { hasText: name }) });
}
