import * as assert from 'node:assert/strict';
import { dayKeys, rangeWindow, weekKeys } from '../../../src/insights/buckets';
import {
  addLocalDays,
  localWeekKey,
  mondayFirstWeekday,
  parseLocalDayKey,
  startOfLocalWeek,
} from '../../../src/util/localCalendar';
import { localDayKey } from '../../../src/util/time';
import { inTimeZone } from './fixtures';

describe('local calendar (Europe/Berlin, which leaves summer time on 25 Oct 2026)', () => {
  inTimeZone('Europe/Berlin');

  it('starts weeks on Monday, local time', () => {
    assert.equal(localWeekKey(new Date(2026, 10, 29, 23, 30)), '2026-11-23', 'Sunday night belongs to the week before');
    assert.equal(localWeekKey(new Date(2026, 10, 30, 0, 10)), '2026-11-30', 'Monday just after midnight starts one');
    assert.equal(mondayFirstWeekday(new Date(2026, 10, 29)), 6);
    assert.equal(startOfLocalWeek(new Date(2026, 10, 25, 12)).getHours(), 0);
  });

  it('adds days across the change from summer time without drifting off midnight', () => {
    const saturday = new Date(2026, 9, 24);
    const tuesday = addLocalDays(saturday, 3);
    assert.equal(localDayKey(tuesday), '2026-10-27');
    assert.equal(tuesday.getHours(), 0);
    assert.equal(tuesday.getTime() - saturday.getTime(), (3 * 24 + 1) * 3600_000, 'that span had a 25-hour day');
  });

  it('lists every day and every overlapping week of a window', () => {
    const window = rangeWindow('30d', new Date(2026, 10, 28, 15));
    const days = dayKeys(window);
    assert.equal(days.length, 30);
    assert.equal(days[0], '2026-10-30');
    assert.equal(days.at(-1), '2026-11-28');
    assert.deepEqual(weekKeys(window), ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
  });

  it('parses day keys strictly', () => {
    assert.equal(parseLocalDayKey('2026-11-28')?.getTime(), new Date(2026, 10, 28).getTime());
    assert.equal(parseLocalDayKey('2026-02-30'), undefined);
    assert.equal(parseLocalDayKey('2026-11-28T00:00'), undefined);
    assert.equal(parseLocalDayKey(''), undefined);
  });
});
