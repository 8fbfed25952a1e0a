// Requests made by full exports against the minimum: ceil(N / largest page) + 1 final empty page.
import type { OmiExtensionApi } from '../../src/extension';
import { type Sandbox, startSandbox } from '../../src/sandbox';
import { type BenchExport, exportAll } from './exports';
import { type Figures, until, withServer } from './session';

/** The server cannot page action items past offset 2,000: two pages of 1,000 are all one filter can list. */
const minimum = {
  memories: (n: number) => Math.ceil(n / 1000) + 1,
  actionItems: (n: number) => (n >= 2000 ? 2 : Math.ceil(n / 1000) + 1),
  conversations: (n: number) => Math.ceil(n / 100) + 1,
  // The list returns transcripts inline, 25 at a time.
  conversationsWithTranscripts: (n: number) => Math.ceil(n / 25) + 1,
};

async function countRequests(api: OmiExtensionApi, sandbox: Sandbox, name: string, what: BenchExport, min: number) {
  await until(() => (['memories', 'actionItems', 'conversations'] as const).every((k) => !api.store.list(k).loading));
  await api.transcripts.cache.clear();
  sandbox.resetRequests();
  const items = await exportAll(api, what);
  const figures: Figures = {
    [`export${name}Requests`]: sandbox.requests.length,
    [`export${name}Minimum`]: min,
    [`export${name}Items`]: items,
  };
  if (what.kind === 'conversations' && what.includeTranscripts) {
    figures[`export${name}TranscriptReads`] = sandbox.requests.filter(
      (r) => r.query.include_transcript === 'true',
    ).length;
  }
  return figures;
}

/** Signed in to the sandbox of the other benchmarks (20,000 memories, 300 action items, 140 conversations). */
export async function largeExportRequests(api: OmiExtensionApi, large: Sandbox): Promise<Figures> {
  const { memories, actionItems, conversations } = large.data;
  return {
    ...(await countRequests(api, large, 'Memories20000', { kind: 'memories' }, minimum.memories(memories.length))),
    ...(await countRequests(
      api,
      large,
      'ActionItems300',
      { kind: 'actionItems' },
      minimum.actionItems(actionItems.length),
    )),
    ...(await countRequests(
      api,
      large,
      'Conversations140',
      { kind: 'conversations', includeTranscripts: false },
      minimum.conversations(conversations.length),
    )),
    ...(await countRequests(
      api,
      large,
      'Conversations140Transcripts',
      { kind: 'conversations', includeTranscripts: true },
      minimum.conversationsWithTranscripts(conversations.length),
    )),
  };
}

/** 1,250 memories and 2,100 action items, from a sandbox of their own. */
export async function smallExportRequests(api: OmiExtensionApi): Promise<Figures> {
  const small = await startSandbox({ memories: 1250, actionItems: 2100, conversations: 10, shortPages: false });
  try {
    return await withServer(api, small, async () => ({
      ...(await countRequests(api, small, 'Memories1250', { kind: 'memories' }, minimum.memories(1250))),
      ...(await countRequests(api, small, 'ActionItems2100', { kind: 'actionItems' }, minimum.actionItems(2100))),
    }));
  } finally {
    await small.close();
  }
}
