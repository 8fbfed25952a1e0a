import assert from 'node:assert/strict';
import { OmiClient } from '../../../src/api/client';
import { KEY_MANAGEMENT_UNAVAILABLE, MISSING_API_KEY, REDIRECT_REFUSED } from '../../../src/api/errors';
import type { Conversation } from '../../../src/api/models';
import type { TranscriptCache } from '../../../src/api/options';
import { describeError } from '../../../src/util/errorMessage';
import { BASE, empty, hang, json, KEY, omiError, testClient, text } from './fakeServer';

const memory = {
  id: 'mem_1',
  content: 'Discussed the roadmap',
  category: 'brand_new_category',
  visibility: 'private',
  tags: [],
  created_at: '2025-01-20T10:15:00Z',
  updated_at: '2025-01-20T10:15:00Z',
  manually_added: false,
  reviewed: false,
  user_review: null,
  edited: false,
  scoring: null,
  a_field_from_the_future: { nested: [1, 2] },
};

function conversation(id: string, withTranscript: boolean): Conversation {
  return {
    id,
    created_at: '2025-01-20T13:50:00Z',
    started_at: '2025-01-20T13:50:00Z',
    finished_at: '2025-01-20T14:10:00Z',
    language: 'en',
    source: 'omi',
    structured: { title: 'Talk', overview: '', emoji: '💼', category: 'business', action_items: [], events: [] },
    geolocation: null,
    ...(withTranscript
      ? {
          transcript_segments: [{ id: 's1', text: 'Hi', speaker_id: 0, speaker_name: 'Speaker 0', start: 0, end: 1.5 }],
        }
      : {}),
  };
}

describe('OmiClient requests', () => {
  it('normalizes the base URL and calls the documented routes', async () => {
    const { client, requests } = testClient([json([])]);
    assert.equal(client.baseUrl, BASE);
    await client.listMemories();
    await client.listActionItems();
    await client.listConversations();
    assert.deepEqual(
      requests.map((request) => `${request.method} ${request.url.href}`),
      [`GET ${BASE}/user/memories`, `GET ${BASE}/user/action-items`, `GET ${BASE}/user/conversations`],
    );
  });

  it('returns objects exactly as received, unknown fields and categories included', async () => {
    const { client } = testClient([json([memory])]);
    assert.deepEqual(await client.listMemories(), [memory]);
  });

  it('sends the key, Accept and User-Agent headers', async () => {
    const { client, requests } = testClient([json([])], { userAgent: 'omi-vscode/0.1.0' });
    await client.listMemories();
    assert.equal(requests[0].headers.get('authorization'), `Bearer ${KEY}`);
    assert.equal(requests[0].headers.get('accept'), 'application/json');
    assert.equal(requests[0].headers.get('user-agent'), 'omi-vscode/0.1.0');
  });

  it('asks for the key on every call', async () => {
    let calls = 0;
    const { client } = testClient([json([])], {
      getApiKey: async () => {
        calls++;
        return KEY;
      },
    });
    await client.listMemories();
    await client.listMemories();
    assert.equal(calls, 2);
  });

  it('fails with unauthorized and makes no request when no key is set', async () => {
    for (const getApiKey of [() => undefined, async () => '', () => '   ']) {
      const { client, requests } = testClient([json([])], { getApiKey });
      const error = await omiError(() => client.listMemories());
      assert.equal(error.kind, 'unauthorized');
      assert.equal(error.code, MISSING_API_KEY);
      assert.match(error.message, /Set one with “Omi: Set API Key”/);
      assert.equal(requests.length, 0);
    }
  });

  it('gets a conversation by encoded id, with or without its transcript', async () => {
    const { client, requests } = testClient([json(conversation('a/b c', true))]);
    const result = await client.getConversation('a/b c', { includeTranscript: true });
    assert.equal(result.transcript_segments?.[0].speaker_name, 'Speaker 0');
    assert.equal(requests[0].url.href, `${BASE}/user/conversations/a%2Fb%20c?include_transcript=true`);
  });

  it('reports a missing conversation as notFound', async () => {
    const { client } = testClient([json({ detail: 'Conversation not found' }, 404)]);
    const error = await omiError(() => client.getConversation('nope'));
    assert.equal(error.kind, 'notFound');
    assert.equal(error.answer, '404: Conversation not found');
  });

  it('reads the calling key record', async () => {
    const info = {
      id: 'k1',
      name: 'Laptop',
      key_prefix: 'omi_dev_abcd...wxyz',
      created_at: '2025-01-15T10:30:00Z',
      last_used_at: null,
      scopes: ['memories:read'],
    };
    const { client, requests } = testClient([json(info)]);
    assert.deepEqual(await client.getKeyInfo(), info);
    assert.equal(requests[0].url.pathname, '/v1/dev/key');
  });

  it('lists, creates and revokes keys', async () => {
    const created = {
      id: 'k2',
      name: 'New',
      key_prefix: 'omi_dev_def4',
      key: 'omi_dev_full',
      created_at: null,
      last_used_at: null,
    };
    const { client, requests } = testClient([json([]), json(created), empty(204)]);
    assert.deepEqual(await client.listKeys(), []);
    assert.deepEqual(await client.createKey('  New  '), created);
    assert.equal(await client.revokeKey('k/2'), undefined);
    assert.deepEqual(
      requests.map((request) => `${request.method} ${request.url.pathname}`),
      ['GET /v1/dev/keys', 'POST /v1/dev/keys', 'DELETE /v1/dev/keys/k%2F2'],
    );
    assert.equal(requests[1].body, '{"name":"New"}');
    assert.equal(requests[1].headers.get('content-type'), 'application/json');
  });

  it('refuses empty ids and names before any request', async () => {
    const { client, requests } = testClient([json([])]);
    assert.equal((await omiError(() => client.createKey('  '))).kind, 'invalidRequest');
    assert.equal((await omiError(() => client.revokeKey(''))).kind, 'invalidRequest');
    assert.equal((await omiError(() => client.getConversation(''))).kind, 'invalidRequest');
    assert.equal(requests.length, 0);
  });

  it('recognises the real server refusing a developer key on /keys', async () => {
    const { client } = testClient([json({ detail: 'Invalid authentication credentials' }, 401)]);
    const error = await omiError(() => client.listKeys());
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.code, KEY_MANAGEMENT_UNAVAILABLE);
    assert.match(error.message, /Settings > Developer/);
  });

  it('keeps a 401 on other routes a plain key rejection', async () => {
    const { client } = testClient([json({ detail: 'Invalid API Key' }, 401)]);
    const error = await omiError(() => client.getKeyInfo());
    assert.equal(error.code, undefined);
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.answer, '401: Invalid API Key');
  });

  it('refuses to follow redirects', async () => {
    const { client, requests } = testClient([empty(302, { location: 'https://elsewhere.test/v1/dev/user/memories' })]);
    const error = await omiError(() => client.listMemories());
    assert.equal(error.code, REDIRECT_REFUSED);
    assert.equal(error.kind, 'server');
    assert.equal(requests.length, 1);
    assert.equal(requests[0].redirect, 'manual');
  });
});

describe('OmiClient responses that are not what was expected', () => {
  const cases: [string, () => Response][] = [
    ['non-JSON', () => new Response('<html>captive portal</html>', { status: 200 })],
    ['empty', () => new Response('', { status: 200 })],
    ['an object instead of a list', () => Response.json({ memories: [] })],
    ['items without ids', () => Response.json([{ content: 'x' }])],
    ['null', () => Response.json(null)],
  ];
  for (const [name, respond] of cases) {
    it(`reports ${name} as malformed, without retrying`, async () => {
      const { client, requests, logs } = testClient([respond]);
      const error = await omiError(() => client.listMemories());
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /^The Omi server sent an unexpected response to \/user\/memories \(.+\)\.$/);
      assert.equal(requests.length, 1);
      assert.equal(logs[0].errorKind, 'malformed');
    });
  }

  it('wants an object with a structured block for a conversation', async () => {
    for (const body of [
      [conversation('c1', false)],
      { id: 'c1' },
      { ...conversation('c1', false), transcript_segments: 'x' },
    ]) {
      const { client } = testClient([json(body)]);
      assert.equal((await omiError(() => client.getConversation('c1'))).kind, 'malformed');
    }
  });

  it('wants the full key in a created key', async () => {
    const { client } = testClient([
      json({ id: 'k', name: 'n', key_prefix: 'p', created_at: null, last_used_at: null }),
    ]);
    assert.equal((await omiError(() => client.createKey('n'))).kind, 'malformed');
  });

  it('accepts the documented transcript segment without speaker_name', async () => {
    const documented = {
      ...conversation('c1', false),
      transcript_segments: [{ id: 's', text: 'hi', speaker_id: 1, start: 0, end: 2.5 }],
    };
    const { client } = testClient([json([documented])]);
    assert.deepEqual(await client.listConversations({ includeTranscript: true }), [documented]);
  });
});

describe('OmiClient timeouts and cancellation', () => {
  it('times out a silent server per attempt, retrying GETs', async () => {
    const { client, requests, logs } = testClient([hang], { timeoutMs: 20, retry: { maxRetries: 1 } });
    const error = await omiError(() => client.listMemories());
    assert.equal(error.kind, 'timeout');
    assert.equal(error.message, 'The Omi server at api.test did not answer within 20 ms.');
    assert.equal(requests.length, 2);
    assert.deepEqual(
      logs.map((event) => event.errorKind),
      ['timeout', 'timeout'],
    );
  });

  it('says aborted, not timeout, when the caller cancels a request in flight', async () => {
    const controller = new AbortController();
    const { client, requests } = testClient([hang]);
    setTimeout(() => controller.abort(), 5);
    const error = await omiError(() => client.listMemories({ signal: controller.signal }));
    assert.equal(error.kind, 'aborted');
    assert.equal(requests.length, 1);
  });

  it('makes no request with an already aborted signal', async () => {
    const { client, requests } = testClient([json([])]);
    const error = await omiError(() => client.listMemories({ signal: AbortSignal.abort() }));
    assert.equal(error.kind, 'aborted');
    assert.equal(requests.length, 0);
  });
});

describe('OmiClient request log', () => {
  it('reports each attempt with path, query keys, status and attempt number, never values', async () => {
    const { client, logs } = testClient([empty(503), json([])]);
    await client.listConversations({ categories: ['private-topic'], limit: 10 });
    assert.deepEqual(logs, [
      {
        method: 'GET',
        path: '/user/conversations',
        queryKeys: ['limit', 'categories'],
        status: 503,
        durationMs: 0,
        attempt: 1,
        errorKind: 'server',
      },
      {
        method: 'GET',
        path: '/user/conversations',
        queryKeys: ['limit', 'categories'],
        status: 200,
        durationMs: 0,
        attempt: 2,
        errorKind: undefined,
      },
    ]);
    assert.ok(!JSON.stringify(logs).includes('private-topic'));
  });

  it('survives a listener that throws', async () => {
    const { client } = testClient([json([])], {
      onRequest: () => {
        throw new Error('log broke');
      },
    });
    assert.deepEqual(await client.listMemories(), []);
  });
});

describe('transcript cache seam', () => {
  function memoryCache(): TranscriptCache & { store: Map<string, Conversation> } {
    const store = new Map<string, Conversation>();
    return { store, get: async (id) => store.get(id), set: async (id, value) => void store.set(id, value) };
  }

  it('serves a second transcript read from the cache without a request', async () => {
    const cache = memoryCache();
    const { client, requests } = testClient([json(conversation('c1', true))], { transcriptCache: cache });
    const first = await client.getConversation('c1', { includeTranscript: true });
    const second = await client.getConversation('c1', { includeTranscript: true });
    assert.deepEqual(second, first);
    assert.equal(requests.length, 1);
  });

  it('fills the cache from transcript lists', async () => {
    const cache = memoryCache();
    const { client, requests } = testClient([json([conversation('c1', true), conversation('c2', true)])], {
      transcriptCache: cache,
    });
    await client.listConversations({ includeTranscript: true });
    assert.deepEqual([...cache.store.keys()], ['c1', 'c2']);
    await client.getConversation('c2', { includeTranscript: true });
    assert.equal(requests.length, 1);
  });

  it('lists conversations one by one: each parsed, checked and cached only when taken', async () => {
    const cache = memoryCache();
    const listed = [conversation('c1', true), conversation('c2', true), conversation('c3', true)];
    const { client, requests } = testClient([json(listed)], { transcriptCache: cache });
    const conversations = await client.listConversationsOneByOne({ offset: 25, limit: 25, transcriptCache: cache });
    assert.equal(requests[0]?.url.search, '?limit=25&offset=25&include_transcript=true');
    assert.equal(cache.store.size, 0, 'nothing parsed before it is taken');
    const taken: Conversation[] = [];
    for await (const c of conversations) {
      taken.push(c);
      assert.deepEqual(
        [...cache.store.keys()],
        taken.map((t) => t.id),
        'cached as it is taken',
      );
    }
    assert.deepEqual(taken, listed);
  });

  it('says a conversation list one by one is malformed as the whole list is', async () => {
    for (const [body, problem] of [
      ['', 'the body was empty'],
      ['{"detail":"x"}', 'expected a list'],
      ['[{"id":"c1"', 'the body was not JSON'],
    ]) {
      const { client } = testClient([text(body!)]);
      const error = await omiError(() => client.listConversationsOneByOne());
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, new RegExp(`\\(${problem}\\)`));
    }
    // The list holds up; a conversation in it does not, and fails the loop when it is reached.
    for (const [second, problem] of [
      ['{"id":"c2"}', 'a list item has an unexpected shape'],
      ['{"id" "c2"}', 'the body was not JSON'],
    ]) {
      const { client } = testClient([text(`[${JSON.stringify(conversation('c1', true))},${second}]`)]);
      const taken: string[] = [];
      const error = await omiError(async () => {
        for await (const c of await client.listConversationsOneByOne()) taken.push(c.id);
      });
      assert.deepEqual(taken, ['c1']);
      assert.equal(error.message, `The Omi server sent an unexpected response to /user/conversations (${problem}).`);
    }
  });

  it('does not use the cache without includeTranscript, nor store conversations lacking a transcript', async () => {
    const cache = memoryCache();
    cache.store.set('c1', conversation('c1', true));
    const { client, requests } = testClient([json(conversation('c1', false)), json([conversation('c3', false)])], {
      transcriptCache: cache,
    });
    await client.getConversation('c1');
    await client.listConversations();
    assert.equal(requests.length, 2);
    assert.deepEqual([...cache.store.keys()], ['c1']);
  });

  it('does not store a conversation that is still in progress', async () => {
    const cache = memoryCache();
    const { client } = testClient([json({ ...conversation('c1', true), status: 'processing' })], {
      transcriptCache: cache,
    });
    await client.getConversation('c1', { includeTranscript: true });
    assert.equal(cache.store.size, 0);
  });

  it('falls back to the server when the cache fails', async () => {
    const { client, requests } = testClient([json(conversation('c1', true))], {
      transcriptCache: {
        get: () => Promise.reject(new Error('disk gone')),
        set: () => {
          throw new Error('disk gone');
        },
      },
    });
    assert.equal((await client.getConversation('c1', { includeTranscript: true })).id, 'c1');
    assert.equal(requests.length, 1);
  });
});

describe('OmiClient construction', () => {
  it('refuses an unusable base URL', () => {
    assert.throws(() => new OmiClient({ baseUrl: 'nope', getApiKey: () => KEY }), /not a valid URL/);
  });

  it('uses globalThis.fetch when none is given', async () => {
    const original = globalThis.fetch;
    let called = false;
    globalThis.fetch = async () => {
      called = true;
      return Response.json([]);
    };
    try {
      const client = new OmiClient({ baseUrl: 'https://api.test', getApiKey: () => KEY });
      assert.deepEqual(await client.listMemories(), []);
      assert.ok(called);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('reads non-JSON 4xx bodies without failing', async () => {
    const { client } = testClient([text('Forbidden', 403)]);
    const error = await omiError(() => client.listMemories());
    assert.equal(describeError(error).message, 'Omi refused access with this key (403).');
  });
});

describe('OmiClient conversation writes', () => {
  it('posts the text once and reads the id, status and discarded flag', async () => {
    const { client, requests } = testClient([json({ id: 'new1', status: 'processing', discarded: false })]);
    const created = await client.createConversation({
      text: '  Notes from the call.  ',
      text_source: 'other_text',
      language: 'en',
    });
    assert.deepEqual(created, { id: 'new1', status: 'processing', discarded: false });
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.method, 'POST');
    assert.equal(requests[0]?.url.pathname, '/v1/dev/user/conversations');
    assert.deepEqual(JSON.parse(requests[0]?.body ?? '{}'), {
      text: 'Notes from the call.',
      text_source: 'other_text',
      language: 'en',
    });
  });

  it('never sends a create twice, even after a server error', async () => {
    const { client, requests } = testClient([text('Internal Server Error', 500)]);
    await omiError(() => client.createConversation({ text: 'Notes', text_source: 'other_text', language: 'en' }));
    assert.equal(requests.length, 1);
  });

  it('refuses empty and over-long text before any request', async () => {
    const { client, requests } = testClient([json({ id: 'x' })]);
    const tooLong = 'a'.repeat(100_001);
    for (const body of ['  ', tooLong]) {
      const error = await omiError(() =>
        client.createConversation({ text: body, text_source: 'other_text', language: 'en' }),
      );
      assert.equal(error.kind, 'invalidRequest');
    }
    assert.equal(requests.length, 0);
  });

  it('returns the renamed conversation when the server answers with it, else undefined', async () => {
    const renamed = {
      ...conversation('c1', true),
      structured: { ...conversation('c1', true).structured, title: 'New' },
    };
    const { client, requests } = testClient([json(renamed), json({ success: true })]);
    assert.deepEqual(await client.updateConversation('c1', { title: ' New ' }), renamed);
    assert.deepEqual(JSON.parse(requests[0]?.body ?? '{}'), { title: 'New' });
    assert.equal(await client.updateConversation('c1', { title: 'New' }), undefined);
  });
});
