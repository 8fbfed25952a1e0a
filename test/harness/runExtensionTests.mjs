#!/usr/bin/env node
// Runs a mocha suite inside a real VS Code extension host: code-server serves VS Code 1.100.3, headless Chromium
// opens the workbench with the extension-development payload, and the extension host's exit code is ours.
// usage: runExtensionTests.mjs --ext DIR [--ext DIR] --tests INDEX.js [--folder WS] [--timeout SECONDS] [--keep]
// exit code: 0 all tests passed, 1 tests failed, 2 harness error or timeout.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { makeRunDir, startCodeServer } from './codeServer.mjs';

const { values } = parseArgs({
  options: {
    ext: { type: 'string', multiple: true },
    tests: { type: 'string' },
    folder: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    keep: { type: 'boolean', default: false },
  },
});
const started = Date.now();
const log = (...args) => console.log(`[harness ${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);

async function main() {
  const extensions = (values.ext ?? []).map((e) => path.resolve(e));
  const tests = path.resolve(values.tests);
  const runDir = makeRunDir('ext-tests');
  const folder = path.resolve(values.folder ?? path.join(runDir, 'workspace'));
  fs.mkdirSync(folder, { recursive: true });
  let server;
  let browser;
  let code = 2;
  try {
    server = await startCodeServer({ runDir, folder, env: { OMI_TEST_RUN_DIR: runDir } });
    log(`code-server pid ${server.pid} on ${server.origin}`);
    const authority = new URL(server.origin).host;
    const payload = [
      ...extensions.map((e) => ['extensionDevelopmentPath', `vscode-remote://${authority}${e}`]),
      ['extensionTestsPath', `vscode-remote://${authority}${tests}`],
    ];
    browser = await launchBrowser(runDir);
    const page = browser.pages()[0] ?? (await browser.newPage());
    let resolveExit;
    const exited = new Promise((resolve) => {
      resolveExit = resolve;
    });
    // The hooks the workbench calls when it runs extension tests (as @vscode/test-web does).
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      console.log(...(Array.isArray(args) ? args : [args]));
    });
    await page.exposeFunction('codeAutomationExit', (exitCode) => resolveExit(exitCode));
    page.on('pageerror', (e) => log('page error:', e.message));
    await page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeoutMs = Number(values.timeout) * 1000;
    code = await Promise.race([
      exited,
      new Promise((resolve) =>
        setTimeout(() => {
          log(`timed out after ${values.timeout} s`);
          resolve(2);
        }, timeoutMs),
      ),
    ]);
    log(`extension host exit code ${code}`);
  } catch (error) {
    log('harness error:', error);
    code = 2;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!values.keep) fs.rmSync(runDir, { recursive: true, force: true });
  }
  return code;
}

main().then((code) => process.exit(code));
