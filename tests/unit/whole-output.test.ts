import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';

/**
 * Lines a child Node process writes for `writing` ms and then exits, read by this process only
 * once it has been busy for longer, as the build script is while it keeps a partition's output
 * and another partition's Astro build ends.
 */
async function linesReadAfterBusy(
  {
    setup = '',
    stream = 'stdout',
    last = '',
  }: { setup?: string; stream?: 'stdout' | 'stderr'; last?: string },
  writing = 300,
): Promise<{ written: number; read: number }> {
  const module = pathToFileURL('src/lib/whole-output.ts').href;
  // How many lines it wrote, told through a file: its own output may lose it.
  const count = join(mkdtempSync(join(tmpdir(), 'whole-output-')), 'written');
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `${setup.replace('MODULE', module)}
      let written = 0;
      const until = Date.now() + ${writing};
      while (Date.now() < until) process.${stream}.write(\`  ├─ /tags/synthetic/page/\${(written += 1)}/index.html (+12ms)\\n\`);
      ${last}
      (await import('node:fs')).writeFileSync(${JSON.stringify(count)}, String(written));
      process.exit(0);`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  createInterface({ input: child[stream] }).on('line', (line) => lines.push(line));
  const busy = Date.now() + writing * 3;
  while (Date.now() < busy);
  await new Promise((done) => child.on('close', done));
  return { written: Number(readFileSync(count, 'utf8')), read: lines.length };
}

// Astro's process ends with process.exit(), which drops what a busy reader has not taken yet.
test('a process that waits for its output to be written before it exits loses none of it', async () => {
  const kept = await linesReadAfterBusy({
    setup: `import { outputWritten } from 'MODULE';`,
    last: 'await outputWritten();',
  });
  expect(kept.written).toBeGreaterThan(1000);
  expect(kept.read).toBe(kept.written);
});

test('an error message is written whatever the exit that follows it', async () => {
  const kept = await linesReadAfterBusy({
    setup: `import { writeAtOnce } from 'MODULE'; writeAtOnce(process.stderr);`,
    stream: 'stderr',
  });
  // Each write waits for the busy reader, so fewer are written: none is lost.
  expect(kept.written).toBeGreaterThan(0);
  expect(kept.read).toBe(kept.written);
});

// What the tests above guard against: without them, the reader's speed decides.
test('without either, a process exiting while its reader is busy loses what it wrote', async () => {
  for (const stream of ['stdout', 'stderr'] as const) {
    const lost = await linesReadAfterBusy({ stream });
    expect(lost.read).toBeLessThan(lost.written);
  }
});
