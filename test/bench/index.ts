// Loaded by the VS Code extension host for `npm run bench`: runs the in-host benchmarks and writes their figures to
// $OMI_BENCH_RESULTS (JSON). Figures are measured, never asserted.
import * as fs from 'node:fs';
import { runHostBenchmarks } from './hostBenchmarks';

export async function run(): Promise<void> {
  const figures = await runHostBenchmarks();
  const file = process.env.OMI_BENCH_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify(figures, null, 2));
  else console.log(JSON.stringify(figures, null, 2));
}
