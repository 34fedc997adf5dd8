import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';

/**
 * The thread that writes Astro's content store for a build (`saveStoreOffThread`,
 * src/integrations/content-store.ts): each message is the store's collections, as Astro would
 * have written them, and the file to write them to. It writes them as Astro's own writer does
 * (`FileWriter` in astro/dist/content/data-store-writer.js): its serializer, nothing written when
 * the file holds the same text already, and a new file renamed over the old, one message after the
 * other, from when it is told to go. It answers each with the error it met, if any.
 */
const astro = createRequire(import.meta.url).resolve('astro/package.json');
const writer = new URL('dist/content/data-store-writer.js', pathToFileURL(astro));
const { serializeDataStore } = (await import(writer.href)) as {
  serializeDataStore: (collections: unknown) => string;
};

async function save(file: string, collections: unknown): Promise<void> {
  const text = serializeDataStore(collections);
  if ((await readFile(file, 'utf8').catch(() => '')) === text) return;
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/** Told when to start (`{ go: true }`): once the build's pages are bundled. */
let go: () => void = () => undefined;
let last = new Promise<void>((resolve) => {
  go = resolve;
});
type Message = { go: true } | { id: number; file: string; collections: unknown };
parentPort!.on('message', (message: Message) => {
  if ('go' in message) {
    go();
    return;
  }
  const { id, file, collections } = message;
  last = last.then(() =>
    save(file, collections).then(
      () => {
        parentPort!.postMessage({ id });
      },
      (error: unknown) => {
        parentPort!.postMessage({ id, error: String(error) });
      },
    ),
  );
});
