import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { closestName } from '../references.ts';

/**
 * The one message for a photo whose file is not there, said for the hero, a photo in the body and an
 * author's portrait alike, with the closest photo file in that folder as "Did you mean …?" (a typo in
 * a file name is the usual cause).
 */

const photoFile = /\.(?:avif|gif|jpe?g|png|svg|tiff?|webp)$/i;

/** Why `src`, as written in `file`, names no photo; undefined when it is a web address or exists. */
export function missingPhoto(src: string, file: string): string | undefined {
  if (/^https?:\/\//.test(src) || existsSync(resolve(dirname(file), src))) return undefined;
  const typedFolder = src.slice(0, src.lastIndexOf('/') + 1);
  const folder = resolve(dirname(file), typedFolder || '.');
  const photos =
    existsSync(folder) && statSync(folder).isDirectory()
      ? readdirSync(folder).filter((name) => photoFile.test(name))
      : [];
  const nearest = closestName(basename(src), photos);
  const guess = nearest === undefined ? '' : `. Did you mean "${typedFolder}${nearest}"?`;
  return `photo "${src}" does not exist next to the file: check the file name${guess}`;
}
