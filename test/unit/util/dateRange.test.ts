import * as assert from 'node:assert/strict';
import { customRange, dayRange, parseLocalDate, presetRange } from '../../../src/util/dateRange';

describe('date ranges', () => {
  const now = new Date(2026, 10, 28, 15, 30);

  it('turns presets into whole local days ending today', () => {
    const last7 = presetRange('last7', now);
    assert.equal(new Date(last7.startDate ?? '').getTime(), new Date(2026, 10, 22).getTime());
    assert.equal(new Date(last7.endDate ?? '').getTime(), new Date(2026, 10, 28, 23, 59, 59, 999).getTime());
    assert.equal(new Date(presetRange('today', now).startDate ?? '').getTime(), new Date(2026, 10, 28).getTime());
    assert.equal(new Date(presetRange('thisYear', now).startDate ?? '').getTime(), new Date(2026, 0, 1).getTime());
    assert.match(presetRange('last30', now).startDate ?? '', /Z$/, 'sent as ISO with Z');
  });

  it('parses typed dates strictly', () => {
    assert.equal(parseLocalDate('2026-02-28')?.getDate(), 28);
    assert.equal(parseLocalDate('2026-02-30'), undefined);
    assert.equal(parseLocalDate('28/02/2026'), undefined);
    assert.equal(parseLocalDate(''), undefined);
  });

  it('makes open-ended and single-day ranges', () => {
    assert.deepEqual(customRange(undefined, undefined), {});
    assert.equal(Object.keys(customRange(new Date(2026, 0, 1), undefined)).join(), 'startDate');
    const day = dayRange(new Date(2026, 10, 3, 12));
    assert.equal(new Date(day.startDate ?? '').getTime(), new Date(2026, 10, 3).getTime());
    assert.equal(new Date(day.endDate ?? '').getTime(), new Date(2026, 10, 3, 23, 59, 59, 999).getTime());
  });
});
