import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { adminConfig } from '../../src/integrations/cms-admin.ts';
import { articleFields, cmsConfig, cmsHelpers, formFields } from '../../src/lib/cms-config.ts';
import type { CmsField } from '../../src/lib/cms-config.ts';
import { articleSchema } from '../../src/lib/schema/index.ts';
import { writeFiles } from '../support/content-files.ts';

const choices = {
  sections: [{ value: 'news', label: 'News' }],
  authors: [{ value: 'avery-fixture', label: 'Avery Fixture' }],
  series: [{ value: 'fixture-series', label: 'Fixture series' }],
};
const form = { choices, timezone: 'Asia/Shanghai' };

/** Every field path of a zod object, nested objects and lists of objects included (hero.src). */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  let inner = schema;
  for (;;) {
    const def = inner._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (def.type === 'optional' || def.type === 'default') inner = def['innerType'] as z.ZodType;
    else if (def.type === 'pipe') inner = def['in'] as z.ZodType;
    else if (def.type === 'array') inner = def['element'] as z.ZodType;
    else break;
  }
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape).flatMap(([name, field]) => [
    `${prefix}${name}`,
    ...schemaPaths(field as z.ZodType, `${prefix}${name}.`),
  ]);
}

/** Every field path of the CMS form. */
function formPaths(fields: CmsField[], prefix = ''): string[] {
  return fields.flatMap((field) => [
    `${prefix}${field.name}`,
    ...formPaths((field['fields'] as CmsField[] | undefined) ?? [], `${prefix}${field.name}.`),
  ]);
}

/** The form field at a dotted path. */
function fieldAt(fields: CmsField[], path: string): CmsField | undefined {
  const [name, ...rest] = path.split('.');
  const field = fields.find((each) => each.name === name);
  return rest.length === 0
    ? field
    : fieldAt((field?.['fields'] as CmsField[] | undefined) ?? [], rest.join('.'));
}

describe('the CMS form, generated from the article schema', () => {
  const fields = articleFields(form);

  test('has a widget for every field of the schema, nested ones included; the body figures are the body', () => {
    const expected = schemaPaths(articleSchema(cmsHelpers)).filter((path) => !path.startsWith('bodyFigures'));
    expect(expected.length).toBeGreaterThan(20);
    expect(formPaths(fields)).toEqual([...expected, 'body']);
  });

  test('a field of a kind it cannot show stops the generation, naming the field', () => {
    const schema = articleSchema(cmsHelpers).extend({ embargoZones: z.map(z.string(), z.string()) });
    expect(() => formFields(schema, form)).toThrow(/"embargoZones" \(a zod map\)/);
  });

  test('a field added to the schema later gets its widget without a change here (redirectFrom)', () => {
    const schema = articleSchema(cmsHelpers).extend({
      redirectFrom: z.array(z.string().trim().min(1)).default([]),
    });
    expect(fieldAt(formFields(schema, form), 'redirectFrom')).toMatchObject({
      widget: 'list',
      required: false,
      label: 'Old addresses (redirect from)',
    });
  });

  test.each([
    ['title', { widget: 'string', label: 'Headline' }],
    ['standfirst', { widget: 'text' }],
    ['section', { widget: 'select', options: choices.sections }],
    ['authors', { widget: 'select', multiple: true, options: choices.authors }],
    ['series.id', { widget: 'select', options: choices.series }],
    ['series.part', { widget: 'number', value_type: 'int' }],
    ['format', { widget: 'select', default: 'news', required: false }],
    ['draft', { widget: 'boolean', default: false, required: false }],
    ['hero.src', { widget: 'image', choose_url: false }],
    ['corrections', { widget: 'list', required: false }],
    ['corrections.text', { widget: 'text' }],
    ['tags', { widget: 'list', required: false }],
  ])('%s is shown as %o', (path, widget) => {
    expect(fieldAt(fields, path)).toMatchObject(widget);
  });

  test.each(['publishedAt', 'updatedAt', 'corrections.date'])(
    '%s is a date-time saved with its UTC offset, the hint naming the site timezone',
    (path) => {
      const field = fieldAt(fields, path);
      expect(field).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm:ssZ' });
      expect(field?.hint).toContain('Asia/Shanghai');
    },
  );

  test('the fields of an optional object are optional in the form, their hint saying when they are needed', () => {
    expect(fieldAt(fields, 'hero.alt')).toMatchObject({
      required: false,
      hint: 'Needed when hero is filled in.',
    });
    expect(fieldAt(fields, 'hero.caption')?.hint).toBeUndefined();
  });

  test('a reference with nothing to choose from is typed instead (Decap refuses an empty select)', () => {
    const field = fieldAt(articleFields({ ...form, choices: { ...choices, series: [] } }), 'series.id');
    expect(field).toMatchObject({ widget: 'string' });
    expect(field?.hint).toContain('content/series/');
  });
});

describe('the CMS configuration', () => {
  const config = cmsConfig({
    ...form,
    backend: { name: 'git-gateway', branch: 'main' },
    articlesFolder: 'content/articles',
    siteUrl: 'https://news.example',
  });
  const [articles] = config['collections'] as Record<string, unknown>[];

  test('turns the editorial workflow on', () => {
    expect(config['publish_mode']).toBe('editorial_workflow');
    expect(config).not.toHaveProperty('local_backend');
  });

  test('keeps one folder per article, named from the headline, with its photos beside index.md', () => {
    expect(articles).toMatchObject({
      folder: 'content/articles',
      path: '{{slug}}/index',
      slug: '{{fields.title}}',
      media_folder: '',
      public_folder: '',
      format: 'frontmatter',
      extension: 'md',
    });
  });
});

describe('admin/config.yml', () => {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-cms-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  writeFiles(join(root, 'content'), {
    'sections/business.yaml': 'name: Business\ndescription: Synthetic.\n',
    'sections/business/auto.yaml': 'name: Auto\ndescription: Synthetic.\n',
    'authors/avery-fixture.yaml': 'name: Avery Fixture\nrole: Synthetic\nbio: Made up.\n',
  });

  test('offers the sections by their path of names and the authors by name, read from content/', () => {
    const config = parse(
      adminConfig({
        contentRoot: join(root, 'content'),
        repositoryRoot: root,
        backend: { name: 'git-gateway', branch: 'main' },
        siteUrl: 'https://news.example',
        timezone: 'Asia/Shanghai',
        localBackendUrl: 'http://localhost:8081/api/v1',
      }),
    ) as { collections: { folder: string; fields: CmsField[] }[]; local_backend: unknown };
    const [articles] = config.collections;
    expect(articles?.folder).toBe('content/articles');
    expect(fieldAt(articles?.fields ?? [], 'section')?.['options']).toEqual([
      { value: 'business', label: 'Business' },
      { value: 'business/auto', label: 'Business › Auto' },
    ]);
    expect(fieldAt(articles?.fields ?? [], 'authors')?.['options']).toEqual([
      { value: 'avery-fixture', label: 'Avery Fixture' },
    ]);
    expect(fieldAt(articles?.fields ?? [], 'series.id')).toMatchObject({ widget: 'string' });
    expect(config.local_backend).toEqual({ url: 'http://localhost:8081/api/v1' });
  });
});
