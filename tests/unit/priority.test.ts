import { getPriority } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect, test } from 'vitest';

/** What `yieldProcessor(niceness)` gives in a thread of its own, and the thread's priority after. */
function inThread(niceness: number): Promise<{ lowered: boolean; priority: number }> {
  const module = resolve('src/lib/priority.ts');
  const worker = new Worker(
    `import(${JSON.stringify(module)}).then(({ yieldProcessor }) => {
      const { getPriority } = require('node:os');
      const lowered = yieldProcessor(${niceness});
      require('node:worker_threads').parentPort.postMessage({ lowered, priority: getPriority() });
    });`,
    { eval: true },
  );
  return new Promise((done, fail) => {
    worker.once('message', (message: { lowered: boolean; priority: number }) => {
      done(message);
      void worker.terminate();
    });
    worker.once('error', fail);
  });
}

// The build's own work beside Astro yields the processor to the Astro build it waits for.
test.runIf(process.platform === 'linux')(
  'lowers the calling thread’s priority, and on Linux only that thread’s',
  async () => {
    const before = getPriority();
    expect(await inThread(10)).toEqual({ lowered: true, priority: Math.max(10, before) });
    expect(getPriority()).toBe(before);
  },
);

test.runIf(process.platform === 'linux')('never raises a priority already lower', async () => {
  expect(await inThread(-5)).toEqual({ lowered: true, priority: Math.max(0, getPriority()) });
});
