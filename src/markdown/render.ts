import { unified } from '@astrojs/markdown-remark';
import type { AstroMarkdownOptions, MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { pathToFileURL } from 'node:url';
import type { VFile } from 'vfile';
import { bodyFacts } from '../lib/lint/body-facts.ts';
import type { BodyFacts } from '../lib/lint/body-facts.ts';
import { bodyReadingMinutes } from '../lib/reading-time.ts';
import { markdownProcessor } from './index.ts';

/**
 * An article body rendered by the article pipeline, with what listings need to know of it and what
 * the content rules need (src/lib/lint/body-facts.ts), found in the tree parsed to render it.
 */
export interface RenderedBody {
  html: string;
  readingMinutes: number;
  facts: BodyFacts;
}

/**
 * Finds the body's facts in the tree as parsed, before any plugin changes it, and hands them out
 * the way Astro lets a remark plugin hand out data: in the frontmatter object it returns.
 */
function remarkBodyFacts() {
  return (tree: Root, file: VFile) => {
    (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter['facts'] =
      bodyFacts(tree);
  };
}

/** The article pipeline, finding the body's facts first: only for article bodies, not Astro's pages. */
const articlePipeline = unified({
  ...markdownProcessor.options,
  remarkPlugins: [remarkBodyFacts, ...markdownProcessor.options.remarkPlugins],
});

/** Renders article Markdown (without frontmatter) from the file at `filePath`. */
export type RenderBody = (markdown: string, filePath: string) => Promise<RenderedBody>;

/**
 * The options Astro hands the Markdown processor (as its own `.md` renderer does), reduced to what
 * can cross to a worker thread: no syntax highlighting runs (astro.config.mjs), so no Shiki config,
 * and GFM and typography are the processor's own options (src/markdown/index.ts).
 */
export function rendererOptions(config: {
  markdown: AstroMarkdownOptions;
  image: AstroMarkdownOptions['image'];
}): AstroMarkdownOptions {
  return { image: structuredClone(config.image), syntaxHighlight: config.markdown.syntaxHighlight };
}

/** The article pipeline (src/markdown/index.ts) in this thread. */
export async function inlineRenderer(options: AstroMarkdownOptions): Promise<RenderBody> {
  const renderer: MarkdownRenderer = await articlePipeline.createRenderer(options);
  return async (markdown, filePath) => {
    const { code, metadata } = await renderer.render(markdown, {
      frontmatter: {},
      fileURL: pathToFileURL(filePath),
    });
    return {
      html: code,
      readingMinutes: bodyReadingMinutes(code),
      facts: metadata.frontmatter['facts'] as BodyFacts,
    };
  };
}
