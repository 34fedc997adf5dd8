/**
 * Whether this code runs in Astro's dev server, whose Vite sets `import.meta.env.DEV`: not in a
 * build, and not outside Vite (the scripts), where `import.meta.env` is undefined.
 *
 * Alone in its module, whose text must name no environment variable: Astro writes into a module that
 * reads `import.meta.env` whole the value of every variable whose name the module's text contains.
 * In env.ts that was the build clock, which made the code of every page differ from build to build,
 * and Astro's incremental build reuses a page only for the same code (tests/unit/env.test.ts).
 * Hence no underscore here either: shells set a variable of that name.
 */
export function inDevServer(): boolean {
  return (import.meta.env as ImportMetaEnv | undefined)?.DEV === true;
}
