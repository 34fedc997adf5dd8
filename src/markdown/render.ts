import type { AstroMarkdownOptions, MarkdownRenderer } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { bodyReadingMinutes } from '../lib/reading-time.ts';
import { markdownProcessor } from './index.ts';

/** An article body rendered by the article pipeline, with what listings need to know of it. */
export interface RenderedBody {
  html: string;
  readingMinutes: number;
}

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
  const renderer: MarkdownRenderer = await markdownProcessor.createRenderer(options);
  return async (markdown, filePath) => {
    const { code } = await renderer.render(markdown, { frontmatter: {}, fileURL: pathToFileURL(filePath) });
    return { html: code, readingMinutes: bodyReadingMinutes(code) };
  };
}
