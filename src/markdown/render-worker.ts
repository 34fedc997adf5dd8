import { parentPort, workerData } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { inlineRenderer } from './render.ts';

/** One thread of the render pool (src/markdown/render-pool.ts): renders the bodies it is sent. */
const render = await inlineRenderer(workerData as AstroMarkdownOptions);
parentPort!.on(
  'message',
  ({ id, markdown, filePath }: { id: number; markdown: string; filePath: string }) => {
    render(markdown, filePath).then(
      (body) => {
        parentPort!.postMessage({ id, body });
      },
      (error: unknown) => {
        parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
      },
    );
  },
);
