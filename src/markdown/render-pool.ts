import { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import type { RenderBody, RenderedBody } from './render.ts';

/**
 * Renders article bodies on `jobs` worker threads, so that a cold build's Markdown (most of its
 * content sync) uses every core. Each worker loads the pipeline itself, from the project at `root`
 * (Node strips its types). Jobs are handed to the worker with the fewest waiting.
 */
export function renderPool(
  jobs: number,
  options: AstroMarkdownOptions,
  root: URL,
): { render: RenderBody; close: () => Promise<void> } {
  const waiting = new Map<
    number,
    { resolve: (body: RenderedBody) => void; reject: (error: Error) => void }
  >();
  const workers = Array.from({ length: jobs }, () => {
    const worker = new Worker(new URL('src/markdown/render-worker.ts', root), {
      workerData: options,
    });
    const thread = { worker, pending: 0 };
    worker.on('message', ({ id, body, error }: { id: number; body?: RenderedBody; error?: string }) => {
      thread.pending -= 1;
      const job = waiting.get(id)!;
      waiting.delete(id);
      if (body) job.resolve(body);
      else job.reject(new Error(error));
    });
    worker.on('error', (error: Error) => {
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
    });
    return thread;
  });
  let next = 0;
  let closed = false;
  return {
    render: (markdown, filePath) =>
      new Promise<RenderedBody>((resolve, reject) => {
        // A job sent to a stopped thread would wait for ever.
        if (closed) {
          reject(new Error(`${filePath}: the render threads were already stopped`));
          return;
        }
        const id = next++;
        waiting.set(id, { resolve, reject });
        const thread = workers.reduce((least, each) => (each.pending < least.pending ? each : least));
        thread.pending += 1;
        thread.worker.postMessage({ id, markdown, filePath });
      }),
    close: async () => {
      closed = true;
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
