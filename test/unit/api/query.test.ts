import assert from 'node:assert/strict';
import { isOmiApiError } from '../../../src/api/errors';
import { actionItemsQuery, conversationQuery, conversationsQuery, memoriesQuery } from '../../../src/api/params';
import { buildQuery } from '../../../src/api/query';
import { json, testClient } from './fakeServer';

function isInvalidRequest(error: unknown): boolean {
  return isOmiApiError(error) && error.kind === 'invalidRequest';
}

describe('buildQuery', () => {
  it('returns an empty string when nothing is set', () => {
    assert.equal(buildQuery({}), '');
    assert.equal(buildQuery({ a: undefined, b: null, c: '', d: [] }), '');
  });

  it('joins lists with commas, without spaces, and drops blank entries', () => {
    assert.equal(buildQuery({ categories: ['personal', ' work ', ''] }), '?categories=personal,work');
  });

  it('writes dates as ISO-8601 in UTC with Z', () => {
    assert.equal(
      buildQuery({ start_date: new Date('2025-01-20T15:00:00+02:00') }),
      '?start_date=2025-01-20T13:00:00.000Z',
    );
  });

  it('writes booleans as true/false and integers in decimal', () => {
    assert.equal(
      buildQuery({ completed: false, starred: true, limit: 50, offset: 0 }),
      '?completed=false&starred=true&limit=50&offset=0',
    );
  });

  it('percent-encodes what must be encoded', () => {
    assert.equal(buildQuery({ folder_id: 'a b&c=d/é' }), '?folder_id=a%20b%26c%3Dd%2F%C3%A9');
  });

  it('refuses fractional, negative or non-finite numbers and invalid dates before any request', () => {
    assert.throws(() => buildQuery({ limit: 1.5 }), isInvalidRequest);
    assert.throws(() => buildQuery({ offset: -1 }), isInvalidRequest);
    assert.throws(() => buildQuery({ limit: Number.NaN }), isInvalidRequest);
    assert.throws(() => buildQuery({ start_date: new Date('nope') }), isInvalidRequest);
  });
});

describe('endpoint parameters', () => {
  it('maps memory parameters', () => {
    assert.equal(
      memoriesQuery({ limit: 50, offset: 0, categories: ['personal', 'work'] }),
      '?limit=50&offset=0&categories=personal,work',
    );
    assert.equal(memoriesQuery({ categories: [] }), '');
  });

  it('maps action item parameters to snake_case, re-serializing string dates', () => {
    assert.equal(
      actionItemsQuery({
        completed: false,
        conversationId: 'conv_202',
        startDate: '2025-01-20T10:15:00+01:00',
        endDate: new Date(Date.UTC(2025, 0, 31)),
        limit: 100,
      }),
      '?limit=100&completed=false&conversation_id=conv_202&start_date=2025-01-20T09:15:00.000Z&end_date=2025-01-31T00:00:00.000Z',
    );
  });

  it('refuses an unparseable date string, naming the parameter', () => {
    assert.throws(
      () => actionItemsQuery({ startDate: 'last tuesday' }),
      (error: unknown) => isInvalidRequest(error) && error instanceof Error && error.message.includes('startDate'),
    );
  });

  it('maps conversation parameters', () => {
    assert.equal(
      conversationsQuery({
        limit: 25,
        offset: 25,
        startDate: '2025-01-01',
        categories: ['personal', 'business'],
        includeTranscript: true,
        folderId: 'f1',
        starred: false,
      }),
      '?limit=25&offset=25&start_date=2025-01-01T00:00:00.000Z&categories=personal,business&include_transcript=true&folder_id=f1&starred=false',
    );
    assert.equal(conversationQuery({ includeTranscript: false }), '?include_transcript=false');
    assert.equal(conversationQuery({}), '');
  });

  it('sends the encoded query on the wire', async () => {
    const { client, requests } = testClient([json([])]);
    await client.listConversations({ categories: ['personal', 'work'], startDate: '2025-01-20T00:00:00Z' });
    assert.equal(requests[0].url.search, '?start_date=2025-01-20T00:00:00.000Z&categories=personal,work');
    assert.equal(requests[0].url.searchParams.get('categories'), 'personal,work');
  });

  it('makes no request when a parameter is invalid', async () => {
    const { client, requests } = testClient([json([])]);
    await assert.rejects(client.listActionItems({ endDate: 'garbage' }), isInvalidRequest);
    assert.equal(requests.length, 0);
  });
});
