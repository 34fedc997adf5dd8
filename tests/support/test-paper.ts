import { readFileSync } from 'node:fs';
import { colourTokens } from '../../src/lib/palette.ts';

/** The site the redirect and removed pages are written for in unit tests, in `timezone`. */
export function testPaper(timezone: string) {
  return {
    name: 'The Test Paper',
    url: 'https://paper.example',
    language: 'en',
    timezone,
    palette: colourTokens(readFileSync('src/styles/tokens.css', 'utf8')),
  };
}
