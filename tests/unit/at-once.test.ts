import { describe, expect, test } from 'vitest';
import { eachAtOnce } from '../../src/lib/at-once.ts';

describe('eachAtOnce', () => {
  test('works on every item once, never more than `width` at a time', async () => {
    const done: number[] = [];
    let running = 0;
    let most = 0;
    await eachAtOnce([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 8 - item));
      done.push(item);
      running -= 1;
    });
    expect(done.toSorted()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  test('fails with the first failure', async () => {
    await expect(
      eachAtOnce(['a', 'b'], 2, (item) =>
        item === 'b' ? Promise.reject(new Error('b failed')) : Promise.resolve(),
      ),
    ).rejects.toThrow('b failed');
  });

  test('does nothing with no items', async () => {
    let called = false;
    await eachAtOnce([], 4, () => {
      called = true;
      return Promise.resolve();
    });
    expect(called).toBe(false);
  });
});
