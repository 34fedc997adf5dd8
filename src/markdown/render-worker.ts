import { parentPort, workerData } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { inlineRenderer } from './render.ts';
import { storing } from './render-pool.ts';
import type { BodyPlace } from './render-pool.ts';

/** One thread of the render pool (src/markdown/render-pool.ts): renders and stores the bodies it is sent. */
const store = storing(await inlineRenderer(workerData as AstroMarkdownOptions));
parentPort!.on(
  'message',
  ({
    id,
    markdown,
    filePath,
    place,
  }: {
    id: number;
    markdown: string;
    filePath: string;
    place: BodyPlace;
  }) => {
    store(markdown, filePath, place).then(
      (body) => {
        parentPort!.postMessage({ id, body });
      },
      (error: unknown) => {
        parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
      },
    );
  },
);
