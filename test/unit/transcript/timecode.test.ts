import * as assert from 'node:assert/strict';
import { formatTimecode } from '../../../src/transcript/turns';
import { formatDuration } from '../../../src/util/time';

/** The transcript's pauses and totals keep their seconds under an hour. */
const formatSpan = (seconds: number | null) => formatDuration(seconds, { withSeconds: true });

describe('transcript time codes', () => {
  it('shows m:ss below an hour and h:mm:ss past it, rounding down to the second', () => {
    assert.equal(formatTimecode(0), '0:00');
    assert.equal(formatTimecode(7.9), '0:07');
    assert.equal(formatTimecode(59.999), '0:59');
    assert.equal(formatTimecode(60), '1:00');
    assert.equal(formatTimecode(754), '12:34');
    assert.equal(formatTimecode(3599.5), '59:59');
    assert.equal(formatTimecode(3600), '1:00:00');
    assert.equal(formatTimecode(3723), '1:02:03');
    assert.equal(formatTimecode(36_000 + 61), '10:01:01');
  });

  it('reads negative times as the start, and shows nothing for missing or non-finite ones', () => {
    assert.equal(formatTimecode(-4), '0:00');
    assert.equal(formatTimecode(null), '');
    assert.equal(formatTimecode(undefined), '');
    assert.equal(formatTimecode(Number.NaN), '');
    assert.equal(formatTimecode(Number.POSITIVE_INFINITY), '');
  });

  it('says how long a pause or a recording lasts', () => {
    assert.equal(formatSpan(0), '0 s');
    assert.equal(formatSpan(44.6), '45 s');
    assert.equal(formatSpan(60), '1 min');
    assert.equal(formatSpan(200), '3 min 20 s');
    assert.equal(formatSpan(3600), '1 h');
    assert.equal(formatSpan(3900), '1 h 5 min');
    assert.equal(formatSpan(-1), '');
    assert.equal(formatSpan(null), '');
  });
});
