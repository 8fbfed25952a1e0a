import * as assert from 'node:assert/strict';
import {
  dayLabel,
  describeDue,
  formatDuration,
  localDayKey,
  localDaysBetween,
  secondsBetween,
} from '../../../src/util/time';

describe('time formatting', () => {
  const now = new Date(2026, 10, 28, 15, 0); // Saturday 28 Nov 2026, 15:00 local

  it('labels days as Today, Yesterday, a weekday, then a date', () => {
    assert.equal(dayLabel(new Date(2026, 10, 28, 0, 5), now, 'en-US'), 'Today');
    assert.equal(dayLabel(new Date(2026, 10, 27, 23, 59), now, 'en-US'), 'Yesterday');
    assert.equal(dayLabel(new Date(2026, 10, 24, 9), now, 'en-US'), 'Tuesday');
    assert.match(dayLabel(new Date(2026, 10, 20, 9), now, 'en-US'), /Nov 20, 2026/);
  });

  it('keys days by the local calendar day', () => {
    assert.equal(localDayKey(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    assert.equal(localDaysBetween(new Date(2026, 10, 27, 23, 0), new Date(2026, 10, 28, 1, 0)), 1);
  });

  it('formats durations', () => {
    assert.equal(formatDuration(42), '42 s');
    assert.equal(formatDuration(12 * 60 + 20), '12 min');
    assert.equal(formatDuration(3600), '1 h');
    assert.equal(formatDuration(3900), '1 h 5 min');
    assert.equal(formatDuration(-1), '');
    assert.equal(formatDuration(Number.NaN), '');
  });

  it('counts waits up, keeps seconds for spans, and writes long units for sentences', () => {
    assert.equal(formatDuration(75, { round: 'up' }), '75 s', 'a wait stays in seconds up to 90');
    assert.equal(formatDuration(90.2, { round: 'up' }), '2 min');
    assert.equal(formatDuration(0.01, { round: 'up' }), '1 s');
    assert.equal(formatDuration(200, { withSeconds: true }), '3 min 20 s');
    assert.equal(formatDuration(150 * 60, { units: 'long' }), '2 hours 30 minutes');
    assert.equal(formatDuration(61 * 60, { units: 'long' }), '1 hour 1 minute');
    assert.equal(formatDuration(1, { units: 'long' }), '1 second');
    assert.equal(formatDuration(undefined), '');
  });

  it('measures seconds between ISO times, refusing missing or reversed ones', () => {
    assert.equal(secondsBetween('2026-11-28T10:00:00Z', '2026-11-28T10:20:00Z'), 1200);
    assert.equal(secondsBetween(null, '2026-11-28T10:20:00Z'), undefined);
    assert.equal(secondsBetween('2026-11-28T10:20:00Z', '2026-11-28T10:00:00Z'), undefined);
    assert.equal(secondsBetween('not a date', '2026-11-28T10:00:00Z'), undefined);
  });

  it('describes due dates relative to now, flagging overdue ones', () => {
    assert.deepEqual(describeDue(new Date(2026, 10, 26, 12), now), { text: 'overdue by 2 days', overdue: true });
    assert.deepEqual(describeDue(new Date(2026, 10, 27, 12), now), { text: 'overdue since yesterday', overdue: true });
    assert.deepEqual(describeDue(new Date(2026, 10, 28, 18), now), { text: 'due today', overdue: false });
    assert.deepEqual(describeDue(new Date(2026, 10, 28, 9), now), { text: 'due today (overdue)', overdue: true });
    assert.deepEqual(describeDue(new Date(2026, 10, 29, 9), now), { text: 'due tomorrow', overdue: false });
    assert.deepEqual(describeDue(new Date(2026, 11, 3, 9), now), { text: 'due in 5 days', overdue: false });
    assert.deepEqual(describeDue(new Date(2026, 11, 19, 9), now), { text: 'due in 3 weeks', overdue: false });
  });
});
