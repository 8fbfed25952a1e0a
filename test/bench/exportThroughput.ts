// Wall time and peak memory of exporting 20,000 memories and 500 conversations with transcripts (about 100 MB), from
// sandbox processes answering at once and after 100 ms, and of 250 and 1,000 such conversations answering at once
// (scripts/bench.mjs starts them; $OMI_BENCH_SANDBOXES). With $OMI_BENCH_PROFILE, each timed export also leaves a CPU
// profile of the extension host there.
import type { OmiExtensionApi } from '../../src/extension';
import { type BenchExport, exportAll } from './exports';
import { measure, profiled } from './peakMemory';
import { type Figures, withServer } from './session';

interface SandboxProcesses {
  key: string;
  /** Base URL by latency in ms. */
  urls: Record<string, string>;
  /** Base URL by number of conversations (no latency). */
  scale?: Record<string, string>;
}

const EXPORTS: [string, BenchExport][] = [
  ['Memories20000', { kind: 'memories' }],
  ['Conversations500', { kind: 'conversations', includeTranscripts: true }],
];

const WITH_TRANSCRIPTS: BenchExport = { kind: 'conversations', includeTranscripts: true };

/** A first export (no transcript in the cache yet), timed, and profiled when asked. */
async function firstExport(api: OmiExtensionApi, what: BenchExport, name: string) {
  await api.transcripts.cache.clear();
  return measure(() => profiled(name, () => exportAll(api, what)));
}

export async function exportThroughput(api: OmiExtensionApi): Promise<Figures> {
  const setting = process.env.OMI_BENCH_SANDBOXES;
  if (!setting) return {};
  const sandboxes = JSON.parse(setting) as SandboxProcesses;
  const figures: Figures = {};
  const scale = Object.entries(sandboxes.scale ?? {}).map(([count, url]) => ({ count: Number(count), url }));
  /** The conversations with transcripts of a scale sandbox, timed with their peak memory. */
  const atScale = async ({ count, url }: { count: number; url: string }) => {
    await withServer(api, { url, key: sandboxes.key }, async () => {
      const name = `exportConversations${count}At0Ms`;
      const { ms, peakRssGrowthBytes } = await firstExport(api, WITH_TRANSCRIPTS, name);
      figures[name] = ms;
      figures[`exportConversations${count}PeakRssBytes`] = peakRssGrowthBytes;
    });
  };
  for (const [latency, url] of Object.entries(sandboxes.urls)) {
    // Smaller exports before the 500, larger ones after: none profits from a heap a larger one grew.
    if (latency === '0') for (const s of scale.filter((s) => s.count < 500)) await atScale(s);
    await withServer(api, { url, key: sandboxes.key }, async () => {
      for (const [name, what] of EXPORTS) {
        const { ms, peakRssGrowthBytes, writtenBytes } = await firstExport(api, what, `export${name}At${latency}Ms`);
        figures[`export${name}At${latency}Ms`] = ms;
        if (latency === '0') figures[`export${name}PeakRssBytes`] = peakRssGrowthBytes;
        if (latency === '0') figures[`export${name}WrittenBytes`] = writtenBytes;
      }
    });
    if (latency === '0') for (const s of scale.filter((s) => s.count > 500)) await atScale(s);
  }
  await api.transcripts.cache.clear();
  return figures;
}
