// Wall time and peak memory of exporting 20,000 memories and 500 conversations with transcripts (about 100 MB), from
// sandbox processes answering at once and after 100 ms (scripts/bench.mjs starts them; $OMI_BENCH_SANDBOXES).
import type { OmiExtensionApi } from '../../src/extension';
import { type BenchExport, exportAll } from './exports';
import { measure } from './peakMemory';
import { type Figures, withServer } from './session';

interface SandboxProcesses {
  key: string;
  /** Base URL by latency in ms. */
  urls: Record<string, string>;
}

const EXPORTS: [string, BenchExport][] = [
  ['Memories20000', { kind: 'memories' }],
  ['Conversations500', { kind: 'conversations', includeTranscripts: true }],
];

export async function exportThroughput(api: OmiExtensionApi): Promise<Figures> {
  const setting = process.env.OMI_BENCH_SANDBOXES;
  if (!setting) return {};
  const sandboxes = JSON.parse(setting) as SandboxProcesses;
  const figures: Figures = {};
  for (const [latency, url] of Object.entries(sandboxes.urls)) {
    await withServer(api, { url, key: sandboxes.key }, async () => {
      for (const [name, what] of EXPORTS) {
        // A first export: no transcript is in the cache yet.
        await api.transcripts.cache.clear();
        const { ms, peakRssGrowthBytes } = await measure(() => exportAll(api, what));
        figures[`export${name}At${latency}Ms`] = ms;
        if (latency === '0') figures[`export${name}PeakRssBytes`] = peakRssGrowthBytes;
      }
    });
  }
  await api.transcripts.cache.clear();
  return figures;
}
