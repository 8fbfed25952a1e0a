import * as assert from 'node:assert/strict';
import type { ActionItem, Conversation, Memory } from '../../../src/api/models';
import {
  DEFAULT_TEMPLATES,
  formatIds,
  formatItems,
  renderTemplate,
  styleForLanguage,
} from '../../../src/markdown/itemText';

// Local noon, so the local date is the same in every time zone the tests run in.
const noon = (day: string) => new Date(`${day}T12:00:00`).toISOString();

const memory = (content: string, extra: Partial<Memory> = {}): Memory => ({
  id: 'm1',
  content,
  category: 'work',
  created_at: noon('2026-11-02'),
  ...extra,
});

const actionItem = (extra: Partial<ActionItem> = {}): ActionItem => ({
  id: 'a1',
  description: 'Send the budget to Anna',
  completed: false,
  created_at: noon('2026-11-01'),
  updated_at: null,
  due_at: noon('2026-12-01'),
  completed_at: null,
  conversation_id: null,
  ...extra,
});

const conversation: Conversation = {
  id: 'c1',
  created_at: noon('2026-11-03'),
  started_at: noon('2026-11-03'),
  finished_at: new Date(Date.parse(noon('2026-11-03')) + 12 * 60_000).toISOString(),
  structured: {
    title: 'Weekly planning',
    overview: 'We planned.\nThen we ate.',
    emoji: '🗓️',
    category: 'work',
    action_items: [],
    events: [],
  },
};

describe('renderTemplate', () => {
  it('inserts values literally: $ patterns, backslashes and braces stay as they are', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} is the point
    const value = "cost $5, $& $1 $$ $' $` ${HOME} \\n C:\\Users\\x {content} }}";
    assert.equal(renderTemplate('- {content}!', { content: value }), `- ${value}!`);
  });

  it('reads {{ and }} as braces and leaves unknown fields alone', () => {
    assert.equal(renderTemplate('{{content}} {nope} {content}', { content: 'x' }), '{content} {nope} x');
  });

  it('drops a parenthesised part around an empty field, with the space before it', () => {
    const template = '- [{check}] {description} (due {due})';
    assert.equal(renderTemplate(template, { check: ' ', description: 'Call', due: '' }), '- [ ] Call');
    assert.equal(
      renderTemplate(template, { check: 'x', description: 'Call', due: '2026-12-01' }),
      '- [x] Call (due 2026-12-01)',
    );
    assert.equal(renderTemplate('({unknown})', {}), '({unknown})', 'only known empty fields vanish');
  });
});

describe('formatItems', () => {
  it('writes memories as Markdown bullets with a small reference, or as their text', () => {
    const entry = { kind: 'memories' as const, items: [memory('Likes $5 coffee \\ strong'), memory('Two\nlines')] };
    assert.equal(
      formatItems(entry, 'markdown'),
      '- Likes $5 coffee \\ strong _(Omi memory, work, 2026-11-02)_\n- Two lines _(Omi memory, work, 2026-11-02)_',
    );
    assert.equal(formatItems(entry, 'plain'), 'Likes $5 coffee \\ strong\n\nTwo\nlines');
    assert.equal(formatItems({ kind: 'memories', items: [memory('  spaced  ')] }, 'plain'), '  spaced  ');
  });

  it('writes action items as task list entries, checked when completed, due date only when set', () => {
    const items = [actionItem(), actionItem({ completed: true, due_at: null })];
    assert.equal(
      formatItems({ kind: 'actionItems', items }, 'markdown'),
      '- [ ] Send the budget to Anna (due 2026-12-01)\n- [x] Send the budget to Anna',
    );
    assert.equal(
      formatItems({ kind: 'actionItems', items }, 'plain'),
      'Send the budget to Anna (due 2026-12-01)\nSend the budget to Anna',
    );
  });

  it('writes conversations with title, date and overview', () => {
    const text = formatItems({ kind: 'conversations', items: [conversation] }, 'markdown');
    assert.equal(text, '**🗓️ Weekly planning** (2026-11-03 12:00)\n\nWe planned.\nThen we ate.');
    const untitled = { ...conversation, structured: { ...conversation.structured, emoji: '', title: '' } };
    assert.match(
      formatItems({ kind: 'conversations', items: [untitled] }, 'markdown'),
      /^\*\*Untitled conversation\*\*/,
    );
    assert.equal(
      formatItems({ kind: 'conversations', items: [conversation] }, 'plain'),
      'Weekly planning (2026-11-03 12:00)\nWe planned.\nThen we ate.',
    );
  });

  it('uses custom templates', () => {
    const templates = { ...DEFAULT_TEMPLATES, memory: '> {content} [{id}] {tags}' };
    const entry = { kind: 'memories' as const, items: [memory('x', { tags: ['a', 'b'] })] };
    assert.equal(formatItems(entry, 'markdown', templates), '> x [m1] a, b');
  });

  it('survives objects with missing and null fields', () => {
    const bare = { id: 'c2', created_at: null, started_at: null, finished_at: null, structured: {} } as Conversation;
    assert.equal(
      formatItems({ kind: 'conversations', items: [bare] }, 'markdown'),
      '**Untitled conversation**',
      'an empty date leaves no empty parentheses',
    );
    const nullMemory = { id: 'm2', content: null, category: null } as unknown as Memory;
    assert.equal(formatItems({ kind: 'memories', items: [nullMemory] }, 'plain'), '');
  });

  it('lists ids one per line and picks the style by language', () => {
    assert.equal(formatIds({ kind: 'memories', items: [memory('a'), memory('b', { id: 'm2' })] }), 'm1\nm2');
    assert.equal(styleForLanguage('markdown'), 'markdown');
    assert.equal(styleForLanguage('plaintext'), 'plain');
    assert.equal(styleForLanguage('typescript'), 'plain');
  });
});
