import { afterEach, describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, isoInZone, utcOffset, yearIn } from '../../src/lib/dates.ts';

// 01:00 UTC on 3 March 2025: already the 3rd in Shanghai, still the 2nd in Los Angeles (PST, no DST).
const winter = new Date('2025-03-03T01:00:00Z');
// 19:30 UTC on 1 July 2025: Los Angeles is on daylight saving time (PDT, UTC-7).
const summer = new Date('2025-07-01T19:30:00Z');

describe('formatDate', () => {
  test.each([
    { zone: 'Asia/Shanghai', date: winter, text: '3 March 2025' },
    { zone: 'UTC', date: winter, text: '3 March 2025' },
    { zone: 'America/Los_Angeles', date: winter, text: '2 March 2025' },
    { zone: 'Asia/Shanghai', date: summer, text: '2 July 2025' },
    { zone: 'America/Los_Angeles', date: summer, text: '1 July 2025' },
  ])('$date in $zone is "$text"', ({ zone, date, text }) => {
    expect(formatDate(date, zone)).toBe(text);
  });

  // Each date is formatted once per way of writing it (src/lib/dates.ts): the same moment asked for
  // again, in another locale or zone, or as a date and time, gets its own text.
  test('the same moment in two locales, two zones, and as a date and a date and time', () => {
    expect(formatDate(winter, 'UTC')).toBe('3 March 2025');
    expect(formatDate(winter, 'UTC', 'en-US')).toBe('March 3, 2025');
    expect(formatDate(winter, 'America/Los_Angeles', 'en-US')).toBe('March 2, 2025');
    expect(formatDateTime(winter, 'Asia/Shanghai')).toBe('3 March 2025, 09:00 GMT+8');
    expect(formatDate(winter, 'UTC')).toBe('3 March 2025');
  });
});

describe('formatDateTime', () => {
  test.each([
    { zone: 'Asia/Shanghai', date: winter, text: '3 March 2025, 09:00 GMT+8' },
    { zone: 'UTC', date: winter, text: '3 March 2025, 01:00 GMT' },
    { zone: 'America/Los_Angeles', date: winter, text: '2 March 2025, 17:00 GMT-8' },
    { zone: 'America/Los_Angeles', date: summer, text: '1 July 2025, 12:30 GMT-7' },
  ])('$date in $zone reads "$text"', ({ zone, date, text }) => {
    // ICU writes UTC as "GMT" or "GMT+0" depending on its version; both are right.
    const expected = text.endsWith('GMT') ? new RegExp(`^${text}(\\+0)?$`) : text;
    expect(formatDateTime(date, zone)).toMatch(expected);
  });

  test('midnight is 00:00, never 24:00', () => {
    expect(formatDateTime(new Date('2025-03-02T16:00:00Z'), 'Asia/Shanghai')).toBe(
      '3 March 2025, 00:00 GMT+8',
    );
  });
});

describe('utcOffset', () => {
  test.each([
    { zone: 'Asia/Shanghai', date: winter, offset: '+08:00' },
    { zone: 'UTC', date: winter, offset: '+00:00' },
    { zone: 'America/Los_Angeles', date: winter, offset: '-08:00' },
    { zone: 'America/Los_Angeles', date: summer, offset: '-07:00' },
    { zone: 'Asia/Kolkata', date: winter, offset: '+05:30' },
  ])('$zone is at $offset on $date', ({ zone, date, offset }) => {
    expect(utcOffset(date, zone)).toBe(offset);
  });
});

describe('isoInZone', () => {
  test.each([
    { zone: 'Asia/Shanghai', date: winter, iso: '2025-03-03T09:00:00+08:00' },
    { zone: 'UTC', date: winter, iso: '2025-03-03T01:00:00+00:00' },
    { zone: 'America/Los_Angeles', date: winter, iso: '2025-03-02T17:00:00-08:00' },
    { zone: 'America/Los_Angeles', date: summer, iso: '2025-07-01T12:30:00-07:00' },
    { zone: 'Asia/Shanghai', date: new Date('2025-03-02T16:00:00Z'), iso: '2025-03-03T00:00:00+08:00' },
  ])('$date in $zone is $iso', ({ zone, date, iso }) => {
    expect(isoInZone(date, zone)).toBe(iso);
  });

  test.each(['Asia/Shanghai', 'UTC', 'America/Los_Angeles'])(
    'the result in %s names the same instant it was given',
    (zone) => {
      expect(new Date(isoInZone(summer, zone)).getTime()).toBe(summer.getTime());
    },
  );
});

describe('yearIn', () => {
  // 16:30 UTC on 31 December 2025: already New Year's Day 2026 in Shanghai, still 2025 in UTC.
  const newYearInShanghai = new Date('2025-12-31T16:30:00Z');
  test.each([
    { zone: 'Asia/Shanghai', date: newYearInShanghai, year: 2026 },
    { zone: 'UTC', date: newYearInShanghai, year: 2025 },
    { zone: 'America/Los_Angeles', date: new Date('2026-01-01T05:00:00Z'), year: 2025 },
    { zone: 'Asia/Shanghai', date: winter, year: 2025 },
  ])('$date is in $year in $zone', ({ zone, date, year }) => {
    expect(yearIn(date, zone)).toBe(year);
  });
});

describe('independence from the build machine timezone', () => {
  const original = process.env['TZ'];
  afterEach(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  test.each(['UTC', 'America/New_York', 'Pacific/Kiritimati'])(
    'with TZ=%s every format still shows Shanghai time',
    (tz) => {
      process.env['TZ'] = tz;
      expect(formatDate(winter, 'Asia/Shanghai')).toBe('3 March 2025');
      expect(formatDateTime(winter, 'Asia/Shanghai')).toBe('3 March 2025, 09:00 GMT+8');
      expect(utcOffset(winter, 'Asia/Shanghai')).toBe('+08:00');
      expect(isoInZone(winter, 'Asia/Shanghai')).toBe('2025-03-03T09:00:00+08:00');
    },
  );
});
