// Runs the naive export script against the sandbox process, for each data set at each latency, as separate processes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS } from '../../test/harness/paths.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function runNaive(sandbox, kind) {
  const out = path.join(RESULTS, `bench-naive-${kind}.json`);
  const measure = path.join(RESULTS, 'bench-naive-measure.json');
  const env = { ...process.env, OMI_API_URL: sandbox.url, OMI_API_KEY: sandbox.key, OMI_BENCH_MEASURE: measure };
  const args = ['--import', path.join(HERE, 'measureProcess.mjs'), path.join(HERE, 'naiveExport.mjs'), kind, out];
  const result = spawnSync(process.execPath, args, { env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the naive ${kind} export failed`);
  fs.rmSync(out, { force: true });
  return JSON.parse(fs.readFileSync(measure, 'utf8'));
}

/**
 * `sandboxes`: by latency in ms; `scale`: by number of conversations, answering at once. Figures are named like the
 * extension's (test/bench/exportThroughput.ts).
 */
export function naiveExportFigures(sandboxes, scale = {}) {
  const figures = {};
  for (const [latency, sandbox] of Object.entries(sandboxes)) {
    for (const [kind, name] of [
      ['memories', 'Memories20000'],
      ['conversations', 'Conversations500'],
    ]) {
      const { ms, peakRssGrowthBytes, writtenBytes } = runNaive(sandbox, kind);
      figures[`naiveExport${name}At${latency}Ms`] = ms;
      if (latency === '0') figures[`naiveExport${name}PeakRssBytes`] = peakRssGrowthBytes;
      if (latency === '0') figures[`naiveExport${name}WrittenBytes`] = writtenBytes;
    }
  }
  for (const [count, sandbox] of Object.entries(scale)) {
    const { ms, peakRssGrowthBytes } = runNaive(sandbox, 'conversations');
    figures[`naiveExportConversations${count}At0Ms`] = ms;
    figures[`naiveExportConversations${count}PeakRssBytes`] = peakRssGrowthBytes;
  }
  return figures;
}
