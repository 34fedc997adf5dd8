/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Four levels (docs/architecture.md, Tests). The built sites are made once by the global setup and shared.
export default getViteConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Two files at a time even on two cores (vitest's default is one fewer than the cores): the
    // built-site and browser tests spend much of their time waiting on builds, Java and Chromium.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Some unit tests start a CLI; beside the site builds on two busy cores that can take over 5 s.
          testTimeout: 20_000,
          // Pure modules, no mocks: each worker loads src/lib once rather than once per test file.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'components', include: ['tests/components/**/*.test.ts'] } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 60_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
