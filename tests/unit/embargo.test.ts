import { describe, expect, test } from 'vitest';
import { schedule } from '../../src/lib/build-report.ts';
import { embargoDue } from '../../src/lib/embargo.ts';

/** The schedule file a build at `builtAt` writes with these embargoed articles, as text. */
const written = (builtAt: string, embargoes: Record<string, string> = {}) =>
  JSON.stringify(
    schedule(
      Object.entries(embargoes).map(([file, at]) => ({ id: file, file, publishedAt: new Date(at) })),
      new Date(builtAt),
    ),
  );

const lastBuild = written('2026-01-15T09:00:00+08:00', {
  'content/articles/rates/index.md': '2026-01-15T10:00:00+08:00',
  'content/articles/results/index.md': '2026-01-15T10:30:00+08:00',
});

describe('embargoDue', () => {
  test.each([
    {
      now: '2026-01-15T09:59:59+08:00',
      due: false,
      reason: /next embargo lifts at 2026-01-15T02:00:00.000Z/,
    },
    { now: '2026-01-15T10:00:00+08:00', due: true, reason: /1 embargo has lifted.*rates\/index\.md/ },
    { now: '2026-01-15T10:14:00+08:00', due: true, reason: /1 embargo has lifted/ },
    {
      now: '2026-01-15T11:00:00+08:00',
      due: true,
      reason: /2 embargoes have lifted since the last build \(2026-01-15T01:00:00.000Z\)/,
    },
  ])(
    'at $now, after a build at 09:00 with embargoes at 10:00 and 10:30: due $due',
    ({ now, due, reason }) => {
      const check = embargoDue(lastBuild, new Date(now));
      expect(check.due).toBe(due);
      expect(check.reason).toMatch(reason);
    },
  );

  test('nothing is due when the last build left no embargo waiting', () => {
    expect(embargoDue(written('2026-01-15T09:00:00+08:00'), new Date('2027-01-01T00:00:00Z'))).toEqual({
      due: false,
      reason: 'No embargo was waiting at the last build (2026-01-15T01:00:00.000Z).',
    });
  });

  test('an embargo that lifted before the last build was published by it', () => {
    const text = JSON.stringify({
      builtAt: '2026-01-15T03:00:00.000Z',
      nextEmbargoLifts: '2026-01-15T02:00:00.000Z',
      scheduled: [{ id: 'a', file: 'a.md', publishedAt: '2026-01-15T02:00:00.000Z' }],
    });
    expect(embargoDue(text, new Date('2026-01-15T04:00:00Z')).due).toBe(false);
  });

  // An extra build costs minutes; a missed embargo is a story that stays unpublished.
  test.each([
    { case: 'no schedule (no build kept)', text: undefined, reason: /No schedule from a previous build/ },
    { case: 'a schedule that is not JSON', text: '{"builtAt": ', reason: /cannot be read/ },
    {
      case: 'a schedule without its build time',
      text: '{"scheduled": []}',
      reason: /cannot be read.*builtAt/,
    },
    {
      case: 'an embargo time that is not a date-time',
      text: '{"builtAt": "2026-01-15T01:00:00.000Z", "scheduled": [{"file": "a.md", "publishedAt": "soon"}]}',
      reason: /cannot be read.*publishedAt/,
    },
  ])('builds when in doubt: $case', ({ text, reason }) => {
    const check = embargoDue(text, new Date('2026-01-15T04:00:00Z'));
    expect(check.due).toBe(true);
    expect(check.reason).toMatch(reason);
  });
});
