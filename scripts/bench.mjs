#!/usr/bin/env node
// `npm run bench`: repeatable benchmarks against the sandbox on 127.0.0.1. Writes docs/benchmarks.md (medians, with the
// machine and date) and docs/benchmarks.json (every run). Figures are measured here; no test asserts a duration.
//   node scripts/bench.mjs [--runs N] [--only host,naive,ui] [--profile DIR]
// --only: try some steps, writing no docs; `exports` is the host step's export timings alone. --profile: a CPU profile
// of the extension host during each timed export, into DIR (the timings then include the profiler's cost).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { install } from '../test/harness/install.mjs';
import { RESULTS, ROOT } from '../test/harness/paths.mjs';
import { naiveExportFigures } from './bench/naiveRuns.mjs';
import { startExportSandboxes, startScaleSandboxes } from './bench/sandboxProcess.mjs';
import { transcriptUiFigures } from './bench/transcriptUi.mjs';
import { benchmarkTable } from './benchTable.mjs';

const STEPS = ['host', 'naive', 'ui'];
/** Conversations of 1,000 segments exported besides the 500: memory must stay flat across them. */
const SCALE = [250, 1000];
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, only: { type: 'string' }, profile: { type: 'string' } },
});
const RUNS = Math.max(1, Number(values.runs));
const steps = values.only?.split(',') ?? STEPS;

function step(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Extension ÷ naive script, for every figure both have: below 1, the extension is faster or leaner. */
function ratios(figures) {
  const ratio = {};
  for (const [key, naive] of Object.entries(figures)) {
    const extension = figures[key.replace(/^naiveExport/, 'export')];
    if (key.startsWith('naiveExport') && extension !== undefined) {
      ratio[key.replace(/^naiveExport/, 'exportRatio')] = extension / naive;
    }
  }
  return ratio;
}

async function hostRun(index, sandboxes, scale, only) {
  const { runTests } = await import('@vscode/test-electron');
  const file = path.join(RESULTS, `bench-host-${index}.json`);
  fs.rmSync(file, { force: true });
  const workspace = path.join(RESULTS, 'bench-workspace');
  fs.mkdirSync(workspace, { recursive: true });
  await runTests({
    vscodeExecutablePath: path.join(ROOT, 'test/harness/code-shim.cjs'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/bench/index.js'),
    launchArgs: [workspace],
    extensionTestsEnv: {
      OMI_BENCH_RESULTS: file,
      OMI_BENCH_SANDBOXES: JSON.stringify({
        key: sandboxes[0]?.key,
        urls: Object.fromEntries(Object.entries(sandboxes).map(([latency, s]) => [latency, s.url])),
        scale: Object.fromEntries(Object.entries(scale).map(([count, s]) => [count, s.url])),
      }),
      OMI_BENCH_ONLY: only ?? '',
      OMI_BENCH_PROFILE: values.profile ? path.resolve(values.profile) : '',
    },
  });
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function main() {
  install();
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.rmSync(path.join(ROOT, 'out'), { recursive: true, force: true });
  step('node', ['esbuild.mjs', '--production', '--only=extension']);
  step('node', ['esbuild.mjs', '--only=sandbox']);
  step('npx', ['tsc', '-p', '.']);
  const bundleBytes = fs.statSync(path.join(ROOT, 'dist/extension.js')).size;
  // The UI step runs the packaged VSIX, as users get it.
  if (steps.includes('ui')) step('npm', ['run', '--silent', 'package']);
  const host = steps.includes('host') || steps.includes('exports');
  const exports = host || steps.includes('naive');
  const sandboxes = exports ? await startExportSandboxes([0, 100]) : {};
  const scale = exports ? await startScaleSandboxes(SCALE) : {};
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      console.log(`[bench] run ${i + 1} of ${RUNS}`);
      const figures = { bundleBytes };
      const only = steps.includes('host') ? undefined : 'exports';
      if (host) Object.assign(figures, await hostRun(i, sandboxes, scale, only));
      if (steps.includes('naive')) Object.assign(figures, naiveExportFigures(sandboxes, scale));
      if (steps.includes('ui')) Object.assign(figures, await transcriptUiFigures());
      runs.push({ ...figures, ...ratios(figures) });
      console.log(`[bench] ${JSON.stringify(runs.at(-1))}`);
    }
  } finally {
    await Promise.all([...Object.values(sandboxes), ...Object.values(scale)].map((s) => s.close()));
  }
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  const medians = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
  const machine = {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    vscode: '1.100.3 (code-server 4.100.3)',
    runs: RUNS,
  };
  if (steps.length < STEPS.length) {
    console.log(benchmarkTable(machine, medians));
    return;
  }
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'docs/benchmarks.json'), `${JSON.stringify({ machine, medians, runs }, null, 2)}\n`);
  fs.writeFileSync(path.join(ROOT, 'docs/benchmarks.md'), benchmarkTable(machine, medians));
  // Aligned tables, as `npm run lint` wants them.
  step('npx', ['biome', 'format', '--write', 'docs/benchmarks.md']);
  console.log(benchmarkTable(machine, medians));
}

main().catch((error) => {
  console.error(`[bench] ${error.message}`);
  process.exit(1);
});
