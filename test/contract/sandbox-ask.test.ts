import * as assert from 'node:assert/strict';
import { type Conversation, type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox';
import { assertDocumentedNotFound, call, issues } from './sandbox-http';

interface AskAnswer {
  answer: string;
  sources: { id: string; title: string; created_at: string }[];
}

const NOW = new Date('2026-11-28T20:00:00Z');
const BASE: SandboxOptions = { port: 0, seed: 42, memories: 40, actionItems: 40, conversations: 60, now: NOW };
const TIME_WORDS = /today|tonight|yesterday|this (week|month|morning|afternoon|evening)|last|past|previous/i;

function ask(sandbox: Sandbox, body: unknown, key?: string) {
  return call<AskAnswer>(sandbox, 'POST', '/user/ask', { body, key });
}

/** Conversations created in [from, to). */
function createdBetween(sandbox: Sandbox, from: string, to: string): Conversation[] {
  return sandbox.data.conversations.filter((c) => c.created_at! >= from && c.created_at! < to);
}

describe('sandbox POST /user/ask (real flavor)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox(BASE);
  });
  after(() => sandbox.close());

  it('ranks first the conversation whose own words make the question, and quotes it', async () => {
    const titles = sandbox.data.conversations.map((c) => c.structured.title);
    const chosen = sandbox.data.conversations.filter(
      (c) =>
        titles.filter((t) => t === c.structured.title).length === 1 &&
        !TIME_WORDS.test(`${c.structured.title} ${c.structured.overview}`),
    );
    assert.ok(chosen.length >= 10, 'enough conversations with a unique title');
    for (const conversation of chosen.slice(0, 10)) {
      const question = `${conversation.structured.title}? ${conversation.structured.overview}`;
      const { status, body } = await ask(sandbox, { question });
      assert.equal(status, 200);
      assert.equal(body.sources[0]?.id, conversation.id, question);
      assert.deepEqual(body.sources[0], {
        id: conversation.id,
        title: conversation.structured.title,
        created_at: conversation.created_at,
      });
      assert.match(
        body.answer,
        new RegExp(`in “${conversation.structured.title!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`),
      );
      assert.match(body.answer, /^On \d{1,2} [A-Z][a-z]{2}/);
    }
  });

  it('answers that it found nothing for words no conversation has', async () => {
    const { status, body } = await ask(sandbox, { question: 'quantum chromodynamics of zebras' });
    assert.equal(status, 200);
    assert.deepEqual(body, { answer: "I couldn't find anything about that in your conversations.", sources: [] });
    const stopWordsOnly = await ask(sandbox, { question: 'what did they say about it?' });
    assert.deepEqual(stopWordsOnly.body.sources, []);
  });

  it('returns at most `limit` sources (5 by default), best first, newest first among equals', async () => {
    const broad = await ask(sandbox, { question: 'plan meeting team call dinner trip' });
    assert.equal(broad.body.sources.length, 5);
    const ten = await ask(sandbox, { question: 'plan meeting team call dinner trip', limit: 10 });
    assert.equal(ten.body.sources.length, 10);
    assert.deepEqual(ten.body.sources.slice(0, 5), broad.body.sources);
    const two = await ask(sandbox, { question: 'plan meeting team call dinner trip', limit: 2 });
    assert.deepEqual(two.body.sources, broad.body.sources.slice(0, 2));
    // Time words only: every conversation of the range is equal, so newest first.
    const yesterday = await ask(sandbox, { question: 'What happened yesterday?', limit: 10 });
    const dates = yesterday.body.sources.map((s) => s.created_at);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it('restricts "yesterday" and "today" to those days in the given time zone', async () => {
    const ids = (answer: { body: AskAnswer }) => new Set(answer.body.sources.map((s) => s.id));
    const expected = (from: string, to: string) => new Set(createdBetween(sandbox, from, to).map((c) => c.id));
    // Los Angeles is 8 hours behind UTC in November.
    const laYesterday = expected('2026-11-27T08:00:00', '2026-11-28T08:00:00');
    const laToday = expected('2026-11-28T08:00:00', '2026-11-29T08:00:00');
    const utcToday = expected('2026-11-28T00:00:00', '2026-11-29T00:00:00');
    assert.ok(laYesterday.size > 0 && laToday.size > 0 && utcToday.size > laToday.size && utcToday.size <= 10);

    const la = { limit: 10, timezone: 'America/Los_Angeles' };
    assert.deepEqual(ids(await ask(sandbox, { question: 'What happened yesterday?', ...la })), laYesterday);
    assert.deepEqual(ids(await ask(sandbox, { question: 'what did I do today', ...la })), laToday);
    assert.deepEqual(ids(await ask(sandbox, { question: 'what did I do today', limit: 10 })), utcToday);
    // Nothing was recorded on 27 Nov in UTC.
    const utcYesterday = await ask(sandbox, { question: 'what happened yesterday?' });
    assert.deepEqual(utcYesterday.body.sources, []);
    assert.match(utcYesterday.body.answer, /couldn't find/);

    // A topic and a day: only that day's conversations, the topical one first.
    const target = sandbox.data.conversations.find((c) => laYesterday.has(c.id))!;
    const topical = await ask(sandbox, { question: `${target.structured.title} yesterday`, ...la });
    assert.equal(topical.body.sources[0]?.id, target.id);
    assert.ok(topical.body.sources.every((s) => laYesterday.has(s.id)));
    const today = await ask(sandbox, { question: `${target.structured.title} today`, ...la });
    assert.ok(today.body.sources.every((s) => laToday.has(s.id)));
  });

  it('answers the restricted key (conversations:read) and refuses a missing key', async () => {
    const restricted = await ask(sandbox, { question: 'team standup' }, sandbox.restrictedKey);
    assert.equal(restricted.status, 200);
    const anonymous = await call(sandbox, 'POST', '/user/ask', { body: { question: 'x' }, key: null });
    assert.equal(anonymous.status, 401);
  });

  it('refuses bad bodies with FastAPI 422 lists', async () => {
    assert.equal(issues(await ask(sandbox, {})).get('body.question')?.type, 'missing');
    assert.equal(issues(await ask(sandbox, { question: '' })).get('body.question')?.type, 'string_too_short');
    const long = issues(await ask(sandbox, { question: 'a'.repeat(1001) })).get('body.question');
    assert.deepEqual([long?.type, long?.ctx], ['string_too_long', { max_length: 1000 }]);
    const low = issues(await ask(sandbox, { question: 'q', limit: 0 })).get('body.limit');
    assert.deepEqual([low?.type, low?.msg], ['greater_than_equal', 'Input should be greater than or equal to 1']);
    const high = issues(await ask(sandbox, { question: 'q', limit: 11 })).get('body.limit');
    assert.deepEqual([high?.type, high?.ctx], ['less_than_equal', { le: 10 }]);
    assert.equal(issues(await ask(sandbox, { question: 'q', limit: 'x' })).get('body.limit')?.type, 'int_parsing');
    const zone = issues(await ask(sandbox, { question: 'q', timezone: 'Mars/Olympus_Mons' })).get('body.timezone');
    assert.equal(zone?.type, 'value_error');
    assert.match(zone!.msg, /valid IANA timezone/);
    assert.equal(
      issues(await ask(sandbox, { question: 'q', timezone: '+01:00' })).get('body.timezone')?.type,
      'value_error',
    );
    // Not JSON: 422 before the key is even looked at.
    const broken = await call(sandbox, 'POST', '/user/ask', { raw: '{"question":', key: null });
    assert.equal([...issues(broken).values()][0]?.type, 'json_invalid');
    assert.equal((await ask(sandbox, { question: 'q', timezone: 'Europe/Lisbon' })).status, 200);
  });
});

describe('sandbox POST /user/ask: 25 an hour (rateLimit flavor)', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ ...BASE, faults: { rateLimit: 'flavor' } });
  });
  after(() => sandbox.close());

  it('answers 429 with Retry-After on the 26th question of the hour, apart from list reads', async () => {
    for (let i = 0; i < 25; i++) {
      assert.equal((await ask(sandbox, { question: `standup ${i}` })).status, 200);
    }
    const refused = await ask(sandbox, { question: 'standup again' });
    assert.equal(refused.status, 429);
    assert.match((refused.body as unknown as { detail: string }).detail, /^Rate limit exceeded\. Try again in \d+s\.$/);
    assert.equal(refused.headers.get('X-RateLimit-Limit'), '25');
    assert.ok(Number(refused.headers.get('Retry-After')) > 3000);
    assert.equal((await call(sandbox, 'GET', '/user/conversations?limit=1')).status, 200);
  });
});

describe('sandbox POST /user/ask (documented flavor)', () => {
  it('answers 404 in the documented envelope: not in the published API', async () => {
    const sandbox = await startSandbox({ ...BASE, flavor: 'documented' });
    try {
      assertDocumentedNotFound(await ask(sandbox, { question: 'standup' }));
    } finally {
      await sandbox.close();
    }
  });
});
