import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Digest of the code the content check runs: everything under src/lib, src/markdown and the site
 * config. What it kept between runs (src/lib/lint/cache.ts, article-facts.ts) is read again when
 * it changes.
 */
export function linterDigest(): string {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const files = ['lib', 'markdown']
    .flatMap((folder) =>
      readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' }).map((file) =>
        join(src, folder, file),
      ),
    )
    .concat(join(src, 'site.config.ts'))
    .filter((file) => file.endsWith('.ts'))
    .sort();
  return createHash('sha256')
    .update(files.map((file) => `${file}\n${readFileSync(file, 'utf8')}`).join('\n'))
    .digest('base64url');
}
