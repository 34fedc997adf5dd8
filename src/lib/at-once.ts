/**
 * Runs `work` on every item, at most `width` at a time; fails with the first failure. For file
 * reads and listings, which libuv's threads do side by side while this thread goes on: one after
 * another, each waits for the last.
 */
export async function eachAtOnce<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < items.length; at = next++) await work(items[at]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
