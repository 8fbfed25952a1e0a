#!/usr/bin/env node
// `npm test`: every tier, in order, installing the test tools on first use.
//   node scripts/test.mjs [lint|unit|contract|integration|ui ...]   (no argument: all of them)
// Prints one summary line per tier and a final "N passed, N failed" line; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { install } from '../test/harness/install.mjs';
import { RESULTS, ROOT } from '../test/harness/paths.mjs';

const ALL_TIERS = ['lint', 'unit', 'contract', 'integration', 'ui'];
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const tiers = requested.length > 0 ? requested : ALL_TIERS;
const unknown = tiers.filter((t) => !ALL_TIERS.includes(t));
if (unknown.length > 0) {
  console.error(`Unknown tier(s): ${unknown.join(', ')}. Known: ${ALL_TIERS.join(', ')}.`);
  process.exit(2);
}

const started = Date.now();
const summary = [];

function step(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  return result.status === 0;
}

function listTests(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTests(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

async function runMocha(tier, files, options = {}) {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 20_000, reporter: 'spec', ...options });
  if (process.env.OMI_TEST_GREP) mocha.grep(process.env.OMI_TEST_GREP);
  for (const file of files.sort()) mocha.addFile(file);
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      resolve({ tier, passed: passes, failed: failures, skipped: pending });
    });
  });
}

/** Each webview's own TypeScript project (browser code, lib DOM): webview-ui/<name>/tsconfig.json. */
function webviewProjects() {
  const dir = path.join(ROOT, 'webview-ui');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => path.join('webview-ui', name, 'tsconfig.json'))
    .filter((file) => fs.existsSync(path.join(ROOT, file)));
}

function build() {
  fs.rmSync(path.join(ROOT, 'out'), { recursive: true, force: true });
  return (
    step('node', ['esbuild.mjs']) &&
    step('npx', ['tsc', '-p', '.']) &&
    webviewProjects().every((project) => step('npx', ['tsc', '-p', project]))
  );
}

async function integration() {
  const { runTests } = await import('@vscode/test-electron');
  const resultsFile = path.join(RESULTS, 'integration.json');
  fs.rmSync(resultsFile, { force: true });
  const workspace = path.join(RESULTS, 'integration-workspace');
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  let exitError;
  try {
    await runTests({
      vscodeExecutablePath: path.join(ROOT, 'test/harness/code-shim.cjs'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { OMI_TEST_RESULTS: resultsFile, OMI_TEST_GREP: process.env.OMI_TEST_GREP ?? '' },
    });
  } catch (error) {
    exitError = error;
  }
  if (!fs.existsSync(resultsFile)) {
    console.error(`Integration tests did not report results${exitError ? `: ${exitError.message}` : ''}.`);
    return { tier: 'integration', passed: 0, failed: 1, skipped: 0 };
  }
  return { tier: 'integration', ...JSON.parse(fs.readFileSync(resultsFile, 'utf8')) };
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const needsTools = tiers.includes('integration') || tiers.includes('ui');
  if (needsTools) install();
  if (tiers.includes('lint')) {
    const ok = step('npx', ['biome', 'check', '.']);
    summary.push({ tier: 'lint', passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  }
  if (tiers.some((t) => t !== 'lint') && !build()) {
    summary.push({ tier: 'build', passed: 0, failed: 1, skipped: 0 });
    return;
  }
  if (tiers.includes('unit')) {
    summary.push(await runMocha('unit', listTests(path.join(ROOT, 'out/test/unit'), '.test.js')));
  }
  if (tiers.includes('contract')) {
    summary.push(await runMocha('contract', listTests(path.join(ROOT, 'out/test/contract'), '.test.js')));
  }
  if (tiers.includes('integration')) summary.push(await integration());
  if (tiers.includes('ui')) {
    if (!step('npm', ['run', '--silent', 'package'])) {
      summary.push({ tier: 'package', passed: 0, failed: 1, skipped: 0 });
      return;
    }
    summary.push(await runMocha('ui', listTests(path.join(ROOT, 'test/ui'), '.test.mjs'), { timeout: 120_000 }));
  }
}

main()
  .catch((error) => {
    console.error(error);
    summary.push({ tier: 'runner', passed: 0, failed: 1, skipped: 0 });
  })
  .finally(() => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log('\nTest summary');
    for (const { tier, passed, failed, skipped } of summary) {
      console.log(`  ${tier.padEnd(12)} ${passed} passed, ${failed} failed, ${skipped} skipped`);
    }
    const total = (key) => summary.reduce((sum, s) => sum + (s[key] ?? 0), 0);
    console.log(`Finished in ${seconds} s`);
    console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
    process.exit(total('failed') > 0 || summary.length === 0 ? 1 : 0);
  });
