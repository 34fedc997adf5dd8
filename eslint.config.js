import { fileURLToPath } from 'node:url';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // What git ignores (the build's output and the folders beside it, caches), as Prettier does.
  includeIgnoreFile(fileURLToPath(new URL('.gitignore', import.meta.url))),
  { ignores: ['bench/results/', 'bench/peers/'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
  },
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // With noUncheckedIndexedAccess, lookups that validation already guaranteed need `!`.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // TypeScript's project service cannot type `.astro` imports in .ts files (astro check can).
    files: ['tests/components/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    // Type-aware rules do not pay in .astro files: astro-eslint-parser cannot use the project service,
    // so it rebuilds a TypeScript program for each file (two thirds of the lint time and most of its
    // 2 GB), and it gives template expressions no types anyway. The frontmatter is thin (logic lives
    // in src/lib, linted with types) and `astro check` type-checks the templates.
    files: ['**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { parser: tseslint.parser, project: false, projectService: false, program: null },
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
