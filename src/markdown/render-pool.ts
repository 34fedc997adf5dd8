import { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { writeBody } from '../lib/bodies.ts';
import type { RenderBody, RenderedBody } from './render.ts';

/** Where a rendered body is stored (src/lib/bodies.ts): the folder of bodies and the body's key. */
export interface BodyPlace {
  dir: string;
  key: string;
}

/** What is handed back of a body rendered and stored: its HTML is in the store. */
export type StoredRender = Omit<RenderedBody, 'html'>;

/** Renders an article body and stores its HTML at `place`. */
export type StoreBody = (markdown: string, filePath: string, place: BodyPlace) => Promise<StoredRender>;

/**
 * `render`, storing each body in the thread that rendered it: a body's HTML is not sent from a
 * render thread to the loader's only to be written there.
 */
export function storing(render: RenderBody): StoreBody {
  return async (markdown, filePath, { dir, key }) => {
    const { html, ...rest } = await render(markdown, filePath);
    writeBody(dir, key, html);
    return rest;
  };
}

/**
 * Renders and stores article bodies on `jobs` worker threads, so that a cold build's Markdown (most
 * of its content sync) uses every core. Each worker loads the pipeline itself, from the project at
 * `root` (Node strips its types). Jobs are handed to the worker with the fewest waiting.
 */
export function renderPool(
  jobs: number,
  options: AstroMarkdownOptions,
  root: URL,
): { store: StoreBody; close: () => Promise<void> } {
  const waiting = new Map<
    number,
    { resolve: (body: StoredRender) => void; reject: (error: Error) => void }
  >();
  const workers = Array.from({ length: jobs }, () => {
    const worker = new Worker(new URL('src/markdown/render-worker.ts', root), {
      workerData: options,
    });
    const thread = { worker, pending: 0 };
    worker.on('message', ({ id, body, error }: { id: number; body?: StoredRender; error?: string }) => {
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
    store: (markdown, filePath, place) =>
      new Promise<StoredRender>((resolve, reject) => {
        // A job sent to a stopped thread would wait for ever.
        if (closed) {
          reject(new Error(`${filePath}: the render threads were already stopped`));
          return;
        }
        const id = next++;
        waiting.set(id, { resolve, reject });
        const thread = workers.reduce((least, each) => (each.pending < least.pending ? each : least));
        thread.pending += 1;
        thread.worker.postMessage({ id, markdown, filePath, place });
      }),
    close: async () => {
      closed = true;
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
