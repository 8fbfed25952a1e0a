import * as assert from 'node:assert/strict';
import type { Conversation } from '../../../src/api/models';
import { conversationFileName, conversationNote, yamlString } from '../../../src/export/markdown';
import { conversationMarkdown } from '../../../src/transcript/markdown';
import { buildTranscript } from '../../../src/transcript/turns';
import { dateAndTime } from '../../../src/util/time';

const noon = (day: string) => new Date(`${day}T12:00:00`).toISOString();

function conversation(extra: Partial<Conversation> = {}): Conversation {
  return {
    id: 'conv-1',
    created_at: noon('2026-11-03'),
    started_at: noon('2026-11-03'),
    finished_at: new Date(Date.parse(noon('2026-11-03')) + 754_000).toISOString(),
    structured: {
      title: 'Weekly planning',
      overview: 'We planned the week.\n\nThen lunch.',
      emoji: '🗓️',
      category: 'work',
      action_items: [
        { description: 'Book the room', completed: false, due_at: noon('2026-11-10') },
        { description: 'Send notes', completed: true },
      ],
      events: [],
    },
    transcript_segments: [
      { text: 'Morning.', speaker_id: 0, speaker_name: 'Alex', start: 0, end: 1.5 },
      { text: 'Shall we start?', speaker_id: 0, speaker_name: 'Alex', start: 1.6, end: 3 },
      { text: 'Yes.\nLet us.', speaker_id: 1, speaker_name: null, start: 65.2, end: 67 },
      { text: 'Late.', speaker_id: null, start: 3725, end: 3726 },
    ],
    ...extra,
  };
}

/** The front matter as key → raw value text. */
function frontMatter(markdown: string): Record<string, string> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  assert.ok(match, 'starts with front matter');
  return Object.fromEntries(
    match[1]!.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

describe('conversationNote', () => {
  it('writes front matter, then the conversation as Copy as Markdown writes it, due dates as dates', () => {
    const text = conversationNote(conversation());
    const meta = frontMatter(text);
    assert.equal(JSON.parse(meta.id!), 'conv-1');
    assert.equal(JSON.parse(meta.title!), 'Weekly planning');
    assert.equal(JSON.parse(meta.date!), noon('2026-11-03'));
    assert.equal(JSON.parse(meta.category!), 'work');
    assert.equal(meta.duration, '754');
    const body = text.slice(text.indexOf('\n---\n', 4) + '\n---\n\n'.length);
    const segments = conversation().transcript_segments ?? [];
    assert.equal(body, conversationMarkdown(conversation(), buildTranscript(segments), {}), 'one renderer');
    assert.ok(body.startsWith('# 🗓️ Weekly planning\n\nWe planned the week.\n\nThen lunch.\n'));
    const due = dateAndTime(new Date(noon('2026-11-10')));
    assert.ok(body.includes(`## Action items\n\n- [ ] Book the room (due ${due})\n- [x] Send notes\n`), body);
    assert.doesNotMatch(body, /tomorrow|overdue|due in/, 'a file does not say how far off a date is');
    assert.ok(body.includes('**Alex** · 0:00\n\nMorning. Shall we start?'), body);
    assert.ok(body.includes('**Speaker 1** · 1:05\n\nYes. Let us.'), body);
    assert.ok(body.includes('· 1:02:05\n\nLate.'), body);
    assert.ok(text.endsWith('Late.\n'));
  });

  it('leaves out what a conversation lacks', () => {
    const bare = { id: 'x', created_at: null, started_at: null, finished_at: null, structured: {} } as Conversation;
    const text = conversationNote(bare);
    const meta = frontMatter(text);
    assert.equal(JSON.parse(meta.title!), 'Untitled conversation');
    assert.equal(meta.date, 'null');
    assert.equal(meta.category, 'null');
    assert.equal(meta.duration, 'null');
    assert.ok(text.includes('# Untitled conversation\n'));
    assert.ok(!text.includes('## Transcript') && !text.includes('## Action items'), 'exported without transcripts');
    const noneSaid = conversationNote({ ...bare, transcript_segments: [] });
    assert.ok(noneSaid.includes('## Transcript\n\n*No transcript.*'), 'with transcripts, an empty one says so');
  });

  it('keeps hostile text from breaking the front matter or the headings', () => {
    const title = 'Evil\n---\nid: hacked\u2028"quoted" \\ \u0085 \u0000';
    const text = conversationNote(conversation({ structured: { ...conversation().structured, title } }));
    const meta = frontMatter(text);
    assert.equal(JSON.parse(meta.id!), 'conv-1', 'the title cannot end the front matter or add keys');
    assert.equal(Object.keys(meta).length, 5);
    assert.ok(!/[\u2028\u0085]/.test(text.slice(0, text.indexOf('\n---\n', 4))), 'YAML line breaks escaped');
    assert.equal(yamlString('a\u2028b\u0085c"'), '"a\\u2028b\\u0085c\\""');
  });

  it('names the note by local day and a safe title', () => {
    assert.equal(conversationFileName(conversation()), '2026-11-03 Weekly planning.md');
    const hostile = conversation({ structured: { ...conversation().structured, title: '../../etc/passwd' } });
    assert.equal(conversationFileName(hostile), '2026-11-03 ..-..-etc-passwd.md');
    const reserved = {
      ...conversation({ started_at: null, created_at: null }),
      structured: { title: 'CON' },
    } as Conversation;
    assert.equal(conversationFileName(reserved), '_CON.md');
    const untitled = {
      ...conversation({ started_at: null, created_at: null, id: '../x' }),
      structured: {},
    } as Conversation;
    assert.equal(conversationFileName(untitled), 'conversation ..-x.md');
  });
});
