import * as assert from 'node:assert/strict';
import { isOmiApiError } from '../../../src/api/errors';
import type { Conversation } from '../../../src/api/models';
import { FALLBACK_SCAN_LIMIT, fetchConversationWithTranscript } from '../../../src/store/conversationLookup';
import { MemoryTranscriptCache } from '../../../src/store/transcriptCache';
import { omiError, type RecordedRequest, testClient } from '../api/fakeServer';

const conversations: Conversation[] = Array.from({ length: 260 }, (_, i) => ({
  id: `c${i}`,
  created_at: null,
  started_at: null,
  finished_at: null,
  structured: { title: `#${i}`, overview: '', emoji: '', category: 'other', action_items: [], events: [] },
  transcript_segments: [{ text: `t${i}`, speaker_id: 0, start: 0, end: 1 }],
}));

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A server with the list route only, like Omi servers before GET /conversations/{id}. */
function olderServer(request: RecordedRequest): Response {
  if (request.url.pathname !== '/v1/dev/user/conversations') return jsonResponse({ detail: 'Not Found' }, 404);
  const offset = Number(request.url.searchParams.get('offset') ?? 0);
  const limit = Number(request.url.searchParams.get('limit') ?? 25);
  return jsonResponse(conversations.slice(offset, offset + limit));
}

const listPages = (requests: RecordedRequest[]) =>
  requests
    .filter((r) => r.url.pathname === '/v1/dev/user/conversations')
    .map(
      (r) =>
        `${r.url.searchParams.get('offset')}/${r.url.searchParams.get('limit')}/${r.url.searchParams.get('include_transcript')}`,
    );

describe('fetching one conversation with its transcript', () => {
  it('asks the conversation route once, with include_transcript=true', async () => {
    const { client, requests } = testClient([() => jsonResponse(conversations[3])]);
    const found = await fetchConversationWithTranscript(client, 'c3');
    assert.equal(found.id, 'c3');
    assert.deepEqual(
      requests.map((r) => `${r.url.pathname}${r.url.search}`),
      ['/v1/dev/user/conversations/c3?include_transcript=true'],
    );
  });

  it('on a server without the route, pages the list with transcripts (25 at a time) until it finds the id', async () => {
    const transcriptCache = new MemoryTranscriptCache();
    const { client, requests } = testClient([olderServer], { transcriptCache });
    const found = await fetchConversationWithTranscript(client, 'c60');
    assert.equal(found.id, 'c60');
    assert.deepEqual(listPages(requests), ['0/25/true', '25/25/true', '50/25/true']);
    assert.ok(transcriptCache.get('c10'), 'every transcript seen on the way is cached');
  });

  it('gives up after the newest 200 conversations', async () => {
    const { client, requests } = testClient([olderServer]);
    const error = await omiError(() => fetchConversationWithTranscript(client, 'c250'));
    assert.equal(error.kind, 'notFound');
    assert.match(error.message, /200 most recent/);
    assert.equal(listPages(requests).length, FALLBACK_SCAN_LIMIT / 25);
  });

  it('does not search when the server says the conversation does not exist', async () => {
    const { client, requests } = testClient([() => jsonResponse({ detail: 'Conversation not found' }, 404)]);
    const error = await omiError(() => fetchConversationWithTranscript(client, 'gone'));
    assert.equal(error.status, 404);
    assert.equal(requests.length, 1);
  });

  it('does not search on other failures', async () => {
    const { client, requests } = testClient([() => jsonResponse({ detail: 'Invalid API Key' }, 401)]);
    const error = await omiError(() => fetchConversationWithTranscript(client, 'c1'));
    assert.ok(isOmiApiError(error) && error.kind === 'unauthorized');
    assert.equal(requests.length, 1);
  });
});
