import type { AstroIntegration } from 'astro';
import { outputWritten, writeAtOnce } from '../lib/whole-output.ts';

/**
 * Has Astro's log reach the build script whole (src/lib/whole-output.ts): its errors written at
 * once, and its lines of pages written out before its last lines, which are then written at once.
 * Last in the config, so that no other integration's lines come after it.
 */
export function wholeLog(): AstroIntegration {
  return {
    name: 'broadsheet:whole-log',
    hooks: {
      'astro:config:setup': () => {
        writeAtOnce(process.stderr);
      },
      'astro:build:done': async () => {
        await outputWritten(process.stdout);
        writeAtOnce(process.stdout);
      },
    },
  };
}
