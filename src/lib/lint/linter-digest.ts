import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This checkout's root: the linter runs its own code. */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Digest of the code the content check runs: everything under src/lib, src/markdown, the site
 * config and the lockfile, which pins the libraries the rules and the renderer call (unified and its
 * plugins, the YAML reader), so an upgrade that changes a message or a fact is seen too. What the
 * check kept between runs (src/lib/lint/cache.ts, article-facts.ts) is read again when it changes.
 * Paths are taken from the project's root, so two checkouts of the same code agree.
 */
export function linterDigest(root = projectRoot): string {
  const files = ['src/lib', 'src/markdown']
    .flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => join(root, folder, file)),
    )
    .concat(join(root, 'src/site.config.ts'), join(root, 'package-lock.json'))
    .filter((file) => existsSync(file))
    .sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('base64url');
}
