import { CITIES, PEOPLE, USER_NAME } from './people';
import type { Random } from './random';
import type { Topic } from './topics';

/** What a template is filled from: the conversation's focus values and the people around. */
export interface FillContext {
  rng: Random;
  topic: Topic;
  /** One chosen value per slot (and `name`) for the conversation, so its parts talk about the same things. */
  focus: Readonly<Record<string, string>>;
  /** Known people taking part (not the user). */
  participants: readonly string[];
  /** Known people who are not there, for "I'll ask {person}". */
  absent: readonly string[];
}

const WHEN = [
  'this morning',
  'yesterday afternoon',
  'around ten',
  'after lunch',
  'tomorrow morning',
  'later today',
  'on Friday',
  'next week',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'ten', 'twelve'];

const BACKCHANNELS = [
  'Yeah.',
  'Right.',
  'Mm-hmm.',
  'Okay.',
  'Sure.',
  'Totally.',
  'Wait, really?',
  'Sorry, go ahead.',
  'Ha, yeah.',
  'Got it.',
  'Makes sense.',
  'Hmm.',
  'Exactly.',
  'Oh, nice.',
];

/** Lines that fit any conversation, mixed in so a long transcript does not loop over its topic's lines. */
const GENERIC_LINES = [
  'Can you send me the link after this?',
  'Let me check my notes.',
  "I'll get back to you on that.",
  "That's a good point.",
  'Wait, what did you mean by that?',
  "I'm not sure I agree, but go on.",
  "Let's come back to that.",
  'Give me one second.',
  'Okay, moving on.',
  'What do you think, {name}?',
  'Good question.',
  'I was literally just thinking about that.',
  'Did you talk to {person} about it?',
  'I can do {day}, does that work?',
  "Let's talk about it {when}.",
  'Sorry, I missed the last part.',
  'Can you say that again?',
  "That's fair.",
  "I'll write that down.",
  'How long do you think that will take?',
  "I think we're on the same page.",
  'Remind me, what did we decide last time?',
  "That's what {person} said too.",
  "Honestly, I hadn't thought about it that way.",
  'Let me think about it.',
  'Sounds good to me.',
  "Okay, so what's the next step?",
  'Is that realistic?',
];
const MARKERS = ['So, ', 'Honestly, ', 'I mean, ', 'Yeah, ', 'Okay, so ', 'Right, and ', 'Anyway, ', 'Also, '];
const TAGS = [' Does that make sense?', ' Right?', " I don't know.", " We'll see.", ' If that works for everyone.'];
const PEOPLE_NAMES = [USER_NAME, ...Object.values(PEOPLE).flat()];

/** Whether a line starts with "I" or a proper noun, which stay capitalized after a discourse marker. */
function keepsCapital(line: string, topic: Topic): boolean {
  if (/^I('|\b)/.test(line)) {
    return true;
  }
  const slotNames = Object.values(topic.slots)
    .flat()
    .filter((value) => /^[A-Z]/.test(value));
  return [...PEOPLE_NAMES, ...CITIES, ...slotNames].some((name) => line.startsWith(name));
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Replaces every `{slot}`; the focus value wins with probability `focusBias`, otherwise any value fits. */
export function fill(template: string, ctx: FillContext, focusBias = 0.7): string {
  const filled = template.replace(/\{(\w+)\}/g, (_match, slot: string) => {
    switch (slot) {
      case 'user':
        return USER_NAME;
      case 'name':
        if (ctx.rng.chance(focusBias) && ctx.focus.name) {
          return ctx.focus.name;
        }
        return ctx.participants.length > 0 ? ctx.rng.pick(ctx.participants) : (ctx.focus.name ?? 'you');
      case 'person':
        return ctx.absent.length > 0 ? ctx.rng.pick(ctx.absent) : 'someone';
      case 'day':
        return ctx.rng.pick(DAYS);
      case 'when':
        return ctx.rng.pick(WHEN);
      case 'n':
        return ctx.rng.pick(NUMBERS);
      case 'city':
        return ctx.rng.pick(CITIES);
      default: {
        const values = ctx.topic.slots[slot];
        if (!values) {
          return slot;
        }
        const focused = ctx.focus[slot];
        return focused !== undefined && ctx.rng.chance(focusBias) ? focused : ctx.rng.pick(values);
      }
    }
  });
  return capitalize(filled);
}

/** Recently used lines, so a transcript does not repeat itself within a few turns. */
export type RecentLines = string[];

function pickLine(ctx: FillContext, recent: RecentLines): string {
  const { rng } = ctx;
  let template = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    template = rng.chance(0.3) ? rng.pick(GENERIC_LINES) : rng.pick(ctx.topic.lines);
    if (!recent.includes(template)) {
      break;
    }
  }
  recent.push(template);
  if (recent.length > 12) {
    recent.shift();
  }
  return fill(template, ctx, 0.6);
}

/** One spoken sentence: a line, sometimes with a discourse marker or a tag, sometimes just a backchannel. */
export function spokenSentence(ctx: FillContext, recent: RecentLines = []): string {
  const { rng } = ctx;
  if (rng.chance(0.12)) {
    return rng.pick(BACKCHANNELS);
  }
  let line = pickLine(ctx, recent);
  if (rng.chance(0.18)) {
    const body = keepsCapital(line, ctx.topic) ? line : line[0]!.toLowerCase() + line.slice(1);
    line = rng.pick(MARKERS) + body;
  }
  if (rng.chance(0.08) && line.endsWith('.')) {
    line += rng.pick(TAGS);
  }
  return line;
}

/** Picks one focus value per slot of the topic, plus the main other participant as `name`. */
export function chooseFocus(rng: Random, topic: Topic, participants: readonly string[]): Record<string, string> {
  const focus: Record<string, string> = {};
  for (const [slot, values] of Object.entries(topic.slots)) {
    focus[slot] = rng.pick(values);
  }
  if (participants.length > 0) {
    focus.name = participants[0]!;
  }
  return focus;
}
