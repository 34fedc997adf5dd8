import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

/**
 * Whether a photo decodes completely. Astro's image service reads images leniently, so a truncated
 * upload would be published as a grey smear; decoding once with `failOn: 'truncated'` catches it.
 * Results are kept by content hash, so unchanged photos are decoded once per process.
 */
const checked = new Map<string, string | undefined>();

/** Why the image at `path` cannot be published, or undefined when it decodes. */
export async function imageProblem(path: string): Promise<string | undefined> {
  const bytes = await readFile(path);
  const key = createHash('sha256').update(bytes).digest('hex');
  if (checked.has(key)) return checked.get(key);
  let problem: string | undefined;
  try {
    const image = sharp(bytes, { failOn: 'truncated' });
    const { width, height } = await image.metadata();
    if (!width || !height) problem = 'has no size';
    else await image.raw().toBuffer();
  } catch (error) {
    problem = `is corrupt or truncated (${(error as Error).message.split('\n')[0] ?? ''})`;
  }
  checked.set(key, problem);
  return problem;
}
