import * as assert from 'node:assert/strict';
import { abortedError, isOmiApiError } from '../../../src/api/errors';
import type { Conversation } from '../../../src/api/models';
import {
  languageCode,
  listed,
  PROCESSING_WAITS_MS,
  retitled,
  stillProcessing,
  whenProcessed,
} from '../../../src/store/conversationProcessing';
import { stillMatches } from '../../../src/store/filters';

function conversation(status?: string, extra: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    created_at: '2026-03-10T12:00:00Z',
    started_at: null,
    finished_at: null,
    structured: { title: 'Standup', overview: '', emoji: '', category: 'work', action_items: [], events: [] },
    ...(status ? { status } : {}),
    ...extra,
  };
}

/** A fetch answering from `answers` in order, recording how often it was asked. */
function fetcher(...answers: Conversation[]) {
  const asked: string[] = [];
  const fetch = async (id: string) => {
    asked.push(id);
    const answer = answers[Math.min(asked.length - 1, answers.length - 1)];
    assert.ok(answer);
    return answer;
  };
  return { fetch, asked };
}

function recordingSleep() {
  const slept: number[] = [];
  return {
    slept,
    sleep: async (ms: number, signal?: AbortSignal) => {
      slept.push(ms);
      if (signal?.aborted) throw abortedError();
    },
  };
}

describe('a conversation created from text', () => {
  it('is fetched once, without waiting, when Omi answers completed', async () => {
    const { fetch, asked } = fetcher(conversation('completed'));
    const { sleep, slept } = recordingSleep();
    const processed = await whenProcessed({ id: 'c1', status: 'completed', discarded: false }, fetch, { sleep });
    assert.equal(processed.outcome, 'ready');
    assert.deepEqual(asked, ['c1']);
    assert.deepEqual(slept, []);
  });

  it('is fetched again, with growing waits, while Omi says it is processing', async () => {
    const { fetch, asked } = fetcher(
      conversation('processing'),
      conversation('in_progress'),
      conversation('completed'),
    );
    const { sleep, slept } = recordingSleep();
    const processed = await whenProcessed({ id: 'c1', status: 'processing' }, fetch, { sleep, waits: [10, 20, 40] });
    assert.equal(processed.outcome, 'ready');
    assert.equal(asked.length, 3);
    assert.deepEqual(slept, [10, 20, 40]);
  });

  it('stops after the last wait and says it is still processing', async () => {
    const { fetch, asked } = fetcher(conversation('processing'));
    const { sleep, slept } = recordingSleep();
    const processed = await whenProcessed({ id: 'c1', status: 'processing' }, fetch, { sleep, waits: [10, 20] });
    assert.deepEqual(processed, { outcome: 'processing', id: 'c1' });
    assert.deepEqual(slept, [10, 20]);
    assert.equal(asked.length, 2);
  });

  it('waits about two minutes in all by default, never more than 30 s at once', () => {
    const total = PROCESSING_WAITS_MS.reduce((sum, ms) => sum + ms, 0);
    assert.ok(total >= 60_000 && total <= 180_000, `${total} ms`);
    assert.ok(PROCESSING_WAITS_MS.every((ms, i) => ms <= 30_000 && ms >= (PROCESSING_WAITS_MS[i - 1] ?? 0)));
  });

  it('is not fetched when Omi discarded it at once', async () => {
    const { fetch, asked } = fetcher(conversation());
    const processed = await whenProcessed({ id: 'c1', status: 'completed', discarded: true }, fetch);
    assert.deepEqual(processed, { outcome: 'discarded', id: 'c1' });
    assert.deepEqual(asked, []);
  });

  it('says discarded or failed when processing ends that way', async () => {
    const { sleep } = recordingSleep();
    const discarded = fetcher(conversation('completed', { discarded: true }));
    assert.equal(
      (await whenProcessed({ id: 'c1', status: 'processing' }, discarded.fetch, { sleep })).outcome,
      'discarded',
    );
    const failed = fetcher(conversation('failed'));
    assert.equal((await whenProcessed({ id: 'c1', status: 'processing' }, failed.fetch, { sleep })).outcome, 'failed');
    assert.equal((await whenProcessed({ id: 'c1', status: 'failed' }, failed.fetch, { sleep })).outcome, 'failed');
  });

  it('treats an absent status (older servers) as processed', async () => {
    const { fetch } = fetcher(conversation());
    const processed = await whenProcessed({ id: 'c1' }, fetch);
    assert.equal(processed.outcome, 'ready');
    assert.equal(stillProcessing(undefined), false);
    assert.equal(stillProcessing('merging'), true);
  });

  it('stops waiting when the signal aborts', async () => {
    const { fetch } = fetcher(conversation('processing'));
    const { sleep } = recordingSleep();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      whenProcessed({ id: 'c1', status: 'processing' }, fetch, { sleep, signal: controller.signal }),
      (error) => isOmiApiError(error) && error.kind === 'aborted',
    );
  });
});

describe('conversation copies', () => {
  it('lists a conversation without its transcript, everything else kept', () => {
    const full = conversation('completed', {
      transcript_segments: [{ text: 'hi', speaker_id: 0, start: 0, end: 1 }],
      a_field_from_the_future: 1,
    });
    const copy = listed(full);
    assert.equal('transcript_segments' in copy, false);
    assert.equal(copy.a_field_from_the_future, 1);
    assert.ok(full.transcript_segments, 'the original is untouched');
  });

  it('retitles a copy, leaving the original as it was', () => {
    const original = conversation();
    const renamed = retitled(original, 'Planning');
    assert.equal(renamed.structured.title, 'Planning');
    assert.equal(renamed.structured.category, 'work');
    assert.equal(original.structured.title, 'Standup');
  });
});

describe('the language sent with a new conversation', () => {
  it('is the first part of VS Code’s display language when it is a language code', () => {
    assert.equal(languageCode('de'), 'de');
    assert.equal(languageCode('pt-br'), 'pt');
    assert.equal(languageCode('zh-Hant'), 'zh');
    assert.equal(languageCode('EN_us'), 'en');
    assert.equal(languageCode('fil'), 'fil');
  });

  it('is en otherwise', () => {
    assert.equal(languageCode(undefined), 'en');
    assert.equal(languageCode(''), 'en');
    assert.equal(languageCode('qps-ploc'.slice(4)), 'en');
    assert.equal(languageCode('x'), 'en');
    assert.equal(languageCode('1234'), 'en');
  });
});

describe('whether a new conversation belongs in the filtered list', () => {
  const none = { categories: [] };
  it('lets anything in without a filter', () => {
    assert.equal(stillMatches('conversations', none, conversation()), true);
  });

  it('follows the category filter', () => {
    assert.equal(stillMatches('conversations', { categories: ['work'] }, conversation()), true);
    assert.equal(stillMatches('conversations', { categories: ['health'] }, conversation()), false);
  });

  it('follows the date filter, on created_at, ends included', () => {
    const c = conversation();
    const at = (startDate?: string, endDate?: string) =>
      stillMatches('conversations', { categories: [], startDate, endDate }, c);
    assert.equal(at('2026-03-10T00:00:00Z', '2026-03-10T23:59:59Z'), true);
    assert.equal(at('2026-03-10T12:00:00Z'), true);
    assert.equal(at(undefined, '2026-03-10T12:00:00Z'), true);
    assert.equal(at('2026-03-11T00:00:00Z'), false);
    assert.equal(at(undefined, '2026-03-09T23:59:59Z'), false);
  });
});
