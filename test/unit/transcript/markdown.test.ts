import * as assert from 'node:assert/strict';
import {
  conversationMarkdown,
  escapeInline,
  escapeParagraph,
  transcriptMarkdown,
} from '../../../src/transcript/markdown';
import { buildTranscript } from '../../../src/transcript/turns';
import { sampleConversation } from './fixtures';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('Markdown of a conversation', () => {
  it('escapes markup, HTML and links in Omi text so they show literally', () => {
    assert.equal(escapeInline('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
    assert.equal(escapeInline('[click me](javascript:alert(1))'), '\\[click me\\](javascript:alert(1))');
    assert.equal(
      escapeInline('**bold** _it_ `code` a|b ~x~ &amp; #tag \\'),
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` a\\|b \\~x\\~ \\&amp; \\#tag \\\\',
    );
    assert.equal(escapeInline('line one\r\nline two\u2028three'), 'line one line two three');
    assert.equal(escapeInline('\u0000nul \u0007bell'), 'nul bell');
  });

  it('escapes what would start a block at the start of a paragraph', () => {
    assert.equal(escapeParagraph('- not a list'), '\\- not a list');
    assert.equal(escapeParagraph('+ not a list'), '\\+ not a list');
    assert.equal(escapeParagraph('1. not a list'), '1\\. not a list');
    assert.equal(escapeParagraph('2) not a list'), '2\\) not a list');
    assert.equal(escapeParagraph('=== not a heading'), '\\=== not a heading');
    assert.equal(escapeParagraph('> not a quote'), '\\> not a quote');
    assert.equal(escapeParagraph('    not code'), 'not code');
  });

  it('writes turns with speaker, time and pauses', () => {
    const transcript = buildTranscript([
      { speaker_id: 0, speaker_name: 'Alex', text: 'Hi *there*', start: 0, end: 2 },
      { speaker_id: 1, speaker_name: null, text: '# not a heading', start: 62, end: 64 },
      { speaker_id: null, text: '', start: 3724, end: 3725 },
    ]);
    assert.equal(
      transcriptMarkdown(transcript),
      [
        '**Alex** · 0:00',
        'Hi \\*there\\*',
        '*— 1 min pause —*',
        '**Speaker 1** · 1:02',
        '\\# not a heading',
        '*— 1 h 1 min pause —*',
        '**Unknown** · 1:02:04',
        '*(no text)*',
      ].join('\n\n'),
    );
  });

  it('renders the whole conversation with its sections', () => {
    const conversation = sampleConversation();
    const markdown = conversationMarkdown(conversation, buildTranscript(conversation.transcript_segments), {
      now: NOW,
      locale: 'en-GB',
    });
    assert.match(markdown, /^# 🗓️ Weekly planning\n\nWe planned the week\.\n\n- \*\*Category:\*\* work\n/);
    assert.match(markdown, /## Action items\n\n- \[ \] Send the notes \(due tomorrow\)\n- \[x\] Book the room\n/);
    assert.match(markdown, /## Events\n\n- Review \(.+, 45 min\)\n/);
    assert.match(
      markdown,
      /## Transcript\n\n\*3 s · 2 speakers · 2 segments\*\n\n\*\*Alex\*\* · 0:00\n\nShall we start\?/,
    );
    assert.ok(markdown.endsWith('**Dana** · 0:02\n\nYes.\n'));
  });

  it('keeps hostile titles and overviews inert', () => {
    const conversation = sampleConversation({
      structured: {
        title: '<script>alert("omi")</script>',
        overview: '# Heading\n\n```js\nconsole.log("fenced")\n```\n| a | b |',
        emoji: '',
        category: 'other',
        action_items: [],
        events: [],
      },
      transcript_segments: [],
    });
    const markdown = conversationMarkdown(conversation, buildTranscript([]), { now: NOW });
    assert.ok(
      markdown.startsWith(
        '# \\<script\\>alert("omi")\\</script\\>\n\n\\# Heading\n\n\\`\\`\\`js console.log("fenced") \\`\\`\\` \\| a \\| b \\|\n',
      ),
    );
    assert.match(markdown, /## Transcript\n\n\*No transcript\.\*\n$/);
  });
});
