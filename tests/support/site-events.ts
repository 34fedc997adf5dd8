import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDirFor } from '../../src/lib/env.ts';
import { frontmatter, write } from './content-files.ts';
import { fixtureIds } from './fixture-site.ts';
import { uniquePhoto } from './photos.ts';

/**
 * What happens to a newsroom between two builds, one event after another on the incremental site
 * (tests/support/sites.ts): after each, an incremental build must publish exactly what a full build
 * publishes (issue 11, tests/site/incremental.test.ts).
 */
export interface SiteEvent {
  name: string;
  /**
   * Makes the change in the content folder, in the project for a change of code, or in the built
   * output for an operator's slip.
   */
  happen: (where: { content: string; project: string; dist: string }) => Promise<void> | void;
  /** The build clock from this event on, when the event is time passing. */
  now?: string;
  /** A file of the output that must differ from the build before (or appear, or go), so the event shows. */
  shows: string;
}

const article = (content: string, id: string) => join(content, 'articles', id, 'index.md');

/** Replaces `from` with `to` in `file`, failing when `from` is not there (the fixture changed). */
function replaceIn(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  writeFileSync(file, next);
}

/** The sentence the body edit adds. */
export const bodyEdit = 'An incremental-build marker sentence was added here.';
/** A page the operator's slip removes from the output, of the newest year (a partition's own). */
export const pageGone = 'articles/generated-story-001/index.html';
/** The text the layout change adds to every page's footer. */
export const layoutEdit = 'Printed on synthetic paper.';
const footer = 'src/components/SiteFooter.astro';
/**
 * What the layout change's edit of the Markdown pipeline ends every article body with. Stored
 * bodies are named by their file, so this checks that a new pipeline renders them again.
 */
export const pipelineEdit = '<!--synthetic pipeline mark-->';
const pipeline = 'src/markdown/links.ts';
/** The project files the events edit, which undoProjectEvents restores. */
const projectFiles = [footer, pipeline];

/**
 * The events in chains, each on its own copy of the site, so that the suite's two build lanes share
 * the builds they take. The third repeats the first's events with partitioned builds
 * (tests/support/sites.ts), as the second's are.
 */
const chains: SiteEvent[][] = [
  [
    {
      name: 'body edit',
      happen: ({ content }) => {
        writeFileSync(article(content, fixtureIds.complete), `\n${bodyEdit}\n`, { flag: 'a' });
      },
      shows: `articles/${fixtureIds.complete}/index.html`,
    },
    {
      name: 'headline edit',
      happen: ({ content }) => {
        replaceIn(
          article(content, 'generated-story-005'),
          /^title: .*$/m,
          'title: "A corrected synthetic headline"',
        );
      },
      shows: 'articles/generated-story-005/index.html',
    },
    {
      name: 'new article',
      happen: ({ content }) => {
        write(
          article(content, 'newest-synthetic-story'),
          frontmatter({
            title: 'Newest synthetic story',
            standfirst: 'A story published half an hour before the build.',
            section: 'news/world',
            authors: ['avery-fixture'],
            tags: ['Harbour', 'Meadow'],
            publishedAt: '2026-01-15T11:30:00+08:00',
          }) + 'Synthetic text of the newest story.\n',
        );
      },
      shows: 'articles/newest-synthetic-story/index.html',
    },
    {
      name: 'section change',
      happen: ({ content }) => {
        replaceIn(article(content, 'generated-story-007'), /^section: .*$/m, 'section: "news/science"');
      },
      shows: 'articles/generated-story-007/index.html',
    },
    {
      name: 'tag change',
      happen: ({ content }) => {
        replaceIn(
          article(content, 'generated-story-008'),
          /^tags: .*$/m,
          'tags: ["Granite", "A new synthetic tag"]',
        );
      },
      shows: 'articles/generated-story-008/index.html',
    },
    {
      // A page deleted from the output by hand (or by a sync to a host), which the record beside it
      // still names, with an edit of another article: the build, started as told of the record,
      // must start again and render every page.
      name: 'page gone from the output',
      happen: ({ content, dist }) => {
        rmSync(join(dist, pageGone));
        writeFileSync(
          article(content, fixtureIds.complete),
          `
${bodyEdit} Twice.
`,
          { flag: 'a' },
        );
      },
      shows: `articles/${fixtureIds.complete}/index.html`,
    },
  ],
  [
    {
      // Taken down as the editors' guide says: the file deleted, its address in removed.yaml.
      name: 'deleted article',
      happen: ({ content }) => {
        rmSync(join(content, 'articles', 'generated-story-009'), { recursive: true });
        write(
          join(content, 'removed.yaml'),
          '- path: /articles/generated-story-009/\n  date: "2026-01-15T09:00:00+08:00"\n  reason: Removed for a test.\n',
        );
      },
      shows: 'articles/generated-story-009/index.html',
    },
    {
      name: 'embargo lifting',
      happen: () => undefined,
      // A second after the fixture's embargoed article is due.
      now: '2026-01-20T09:00:01+08:00',
      shows: `articles/${fixtureIds.embargoed}/index.html`,
    },
    {
      name: 'draft published',
      happen: ({ content }) => {
        replaceIn(article(content, fixtureIds.draft), /^draft: true$/m, 'draft: false');
      },
      shows: `articles/${fixtureIds.draft}/index.html`,
    },
    {
      name: 'photo replaced',
      happen: async ({ content }) => {
        writeFileSync(join(content, 'photos', 'sunset.jpg'), await uniquePhoto('a replaced photo'));
      },
      shows: `articles/${fixtureIds.complete}/index.html`,
    },
    {
      // Astro's image cache lost (a new runner's, say) and the photo's article edited: its page
      // asks for renditions of a photo the build knows from the last and does not read again, whose
      // original the image step must still find (src/integrations/content-photos.ts).
      name: 'image cache lost',
      happen: ({ content, project }) => {
        rmSync(join(cacheDirFor(content, project), 'assets'), { recursive: true, force: true });
        writeFileSync(article(content, fixtureIds.complete), `\n${bodyEdit}\n`, { flag: 'a' });
      },
      shows: `articles/${fixtureIds.complete}/index.html`,
    },
    {
      name: 'layout change',
      // A change of code: the footer of every page, and the Markdown pipeline of every body.
      happen: ({ project }) => {
        replaceIn(join(project, footer), '© {year} {siteName}', `© {year} {siteName}. ${layoutEdit}`);
        // Inside a plugin, so that Astro's config (which lists the plugins) stays the same.
        replaceIn(
          join(project, pipeline),
          '  return (tree: Root) => {\n',
          "  return (tree: Root) => {\n    tree.children.push({ type: 'comment', value: 'synthetic pipeline mark' });\n",
        );
      },
      shows: 'index.html',
    },
  ],
];
export const eventChains: SiteEvent[][] = [
  ...chains,
  chains[0]!.map((event) => ({ ...event, name: `${event.name}, partitioned` })),
];

/** Every event, in chain order. */
export const siteEvents: SiteEvent[] = eventChains.flat();

/** Undoes the events' changes to the project (the layout change), which later builds share. */
export function undoProjectEvents(project: string): void {
  for (const path of projectFiles) {
    const file = join(project, path);
    if (existsSync(file)) writeFileSync(file, readFileSync(path, 'utf8'));
  }
}
