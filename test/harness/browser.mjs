// Headless Debian Chromium driven by playwright-core, with a fresh profile inside the run folder.
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, toolEnv } from './paths.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** @returns {Promise<import('playwright-core').BrowserContext>} */
export async function launchBrowser(runDir, { colorScheme = 'dark' } = {}) {
  return chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env: toolEnv(path.join(runDir, 'home')),
    viewport: { width: 1400, height: 900 },
    colorScheme,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}
