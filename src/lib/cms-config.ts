import { z } from 'astro/zod';
import { articleSchema } from './schema/index.ts';
import type { SchemaHelpers } from './schema/index.ts';
import type { CmsBackend } from '../site.config.ts';

/**
 * The configuration of the editors' CMS (Decap CMS, served at /admin/: docs/architecture.md, "Editors
 * without git"), generated from the article schema so that the form can never drift from what the
 * schema and the content linter accept: every field of the schema becomes a widget, and a field this
 * module cannot show stops the build (a unit test walks the schema too).
 */

/** A Decap CMS widget and its options (https://decapcms.org/docs/widgets/). */
interface Widget {
  widget: string;
  [option: string]: unknown;
}

/** One field of a Decap CMS collection. */
export interface CmsField extends Widget {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
}

/** A choice offered for a reference to another collection: the id written, the name shown. */
export interface CmsChoice {
  value: string;
  label: string;
}

/** What the configuration is made from besides the schema. */
export interface CmsOptions {
  backend: CmsBackend;
  /** The articles folder, relative to the repository root, e.g. content/articles. */
  articlesFolder: string;
  /** The site's public origin, linked from the CMS. */
  siteUrl: string;
  /** The site's IANA timezone, named in the hint of every date-time. */
  timezone: string;
  /** The entries each reference may name, read from content/ (sections, authors, series). */
  choices: Record<Referenced, CmsChoice[]>;
  /** decap-server's address for `npm run cms`; Decap uses it only on a localhost page. */
  localBackendUrl?: string;
}

type Referenced = Parameters<SchemaHelpers['reference']>[0];

/** What the form needs besides the schema. */
type FormOptions = Pick<CmsOptions, 'choices' | 'timezone'>;

/** How the CMS's stand-ins for Astro's helpers mark their fields, for the walk below to find them. */
type Mark = { kind: 'image' } | { kind: 'reference'; collection: Referenced };
const marks = z.registry<Mark>();

/**
 * Astro's `image()` and `reference()` as the CMS sees them: a photo is a file name beside the article,
 * a reference an id.
 */
export const cmsHelpers = {
  image: () => z.string().register(marks, { kind: 'image' }),
  reference: (collection: Referenced) => z.string().register(marks, { kind: 'reference', collection }),
} as unknown as SchemaHelpers;

/** Labels where the field name alone would read badly; others are the name in words. */
const labels: Record<string, string> = {
  title: 'Headline',
  publishedAt: 'Published at',
  updatedAt: 'Updated at',
  editorsNote: "Editor's note",
  src: 'Photo',
  alt: 'Alt text',
  redirectFrom: 'Old addresses (redirect from)',
  id: 'Which one',
  allow: 'Meant as written',
};

/** What an editor is told under a field, beyond what its widget says. */
const hints: Record<string, string> = {
  publishedAt: 'A time still to come holds the story back until then (an embargo).',
  slug: 'Leave empty: the address is made from the headline. Never change it once published.',
  allow: 'Exact texts the content check would stop but that are meant as written.',
};

/** Fields of prose longer than a line, edited in a text box rather than a one-line input. */
const multiline = new Set(['standfirst', 'editorsNote', 'disclosure', 'caption', 'text']);

/**
 * Fields of the schema that are not edited as fields: the article loader fills them from the body
 * (src/lib/article-loader.ts), which the CMS edits as the `body` widget.
 */
const fromBody = new Set(['bodyFigures']);

/** The article fields as Decap CMS widgets, in the schema's order, then the body. */
export function articleFields(options: FormOptions): CmsField[] {
  return [
    ...formFields(articleSchema(cmsHelpers), options),
    { name: 'body', label: 'Body', widget: 'markdown', hint: 'The article. Photos are saved beside it.' },
  ];
}

/**
 * The fields of a schema made with `cmsHelpers` as widgets; throws, naming the field, for a field it
 * has no widget for.
 */
export function formFields(schema: z.ZodObject, options: FormOptions): CmsField[] {
  return objectFields(schema, options, '');
}

/** The whole Decap CMS configuration (admin/config.yml) as an object. */
export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  return {
    backend: options.backend,
    ...(options.localBackendUrl ? { local_backend: { url: options.localBackendUrl } } : {}),
    // Draft → In review → Ready: each story is a branch and a pull request until it is published.
    publish_mode: 'editorial_workflow',
    // Decap requires a site-wide media folder; the collection's own (below) keeps photos beside each article.
    media_folder: options.articlesFolder,
    public_folder: '',
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    // An optional field left empty is left out of the file, as an editor writing by hand would.
    omit_empty_optional_fields: true,
    // Folder names as the schema's slugs are: lowercase ASCII letters, digits and hyphens.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articles',
        label: 'Articles',
        label_singular: 'Article',
        folder: options.articlesFolder,
        // One folder per article, named from the headline, its photos beside index.md.
        path: '{{slug}}/index',
        slug: '{{fields.title}}',
        media_folder: '',
        public_folder: '',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: ['publishedAt', 'title'],
        fields: articleFields(options),
      },
    ],
  };
}

/** The fields of a zod object, each as a widget; `path` names the object in error messages. */
function objectFields(schema: z.ZodObject, options: FormOptions, path: string): CmsField[] {
  return Object.entries(schema.shape)
    .filter(([name]) => !fromBody.has(name))
    .map(([name, field]) => {
      const widget = widgetFor(name, field as z.ZodType, options, path ? `${path}.${name}` : name);
      const hint = [widget.hint, hints[name]].filter(Boolean).join(' ');
      return hint ? { ...widget, hint } : widget;
    });
}

/** The zod types that only wrap another and say whether it may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; fallback?: unknown } {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (def.type === 'optional' || def.type === 'default') {
    const { inner, fallback } = unwrap(def['innerType'] as z.ZodType);
    const value = def.type === 'default' ? def['defaultValue'] : fallback;
    return { inner, required: false, ...(value === undefined ? {} : { fallback: value }) };
  }
  if (def.type === 'pipe') {
    // A transform after a type (prose, dates) edits the type; a preprocess (photo names) the result.
    const input = def['in'] as z.ZodType;
    return unwrap(input._zod.def.type === 'transform' ? (def['out'] as z.ZodType) : input);
  }
  return { inner: schema, required: true };
}

/** The widget for one schema field; throws, naming the field, when there is none. */
function widgetFor(name: string, schema: z.ZodType, options: FormOptions, path: string): CmsField {
  const { inner, required, fallback } = unwrap(schema);
  const base = {
    name,
    label: labels[name] ?? words(name),
    ...(required ? {} : { required: false }),
    ...(fallback === undefined || (Array.isArray(fallback) && fallback.length === 0)
      ? {}
      : { default: fallback }),
  };
  const single = singleWidget(inner, options);
  if (single) return { ...base, ...single, ...(multiline.has(name) ? { widget: 'text' } : {}) };
  const def = inner._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (def.type === 'object') {
    const fields = objectFields(inner as z.ZodObject, options, path);
    return {
      ...base,
      widget: 'object',
      collapsed: !required,
      // Decap would refuse to save an article without a hero if the hero's own fields were required:
      // it has no "required when the object is filled in". The content check asks for them then.
      fields: required ? fields : fields.map((field) => requiredWith(field, base.label)),
    };
  }
  if (def.type === 'array') {
    const element = unwrap(def['element'] as z.ZodType).inner;
    const choice = singleWidget(element, options);
    if (choice?.widget === 'select') return { ...base, ...choice, multiple: true };
    if (choice?.widget === 'string') return { ...base, widget: 'list' };
    if (element._zod.def.type === 'object')
      return { ...base, widget: 'list', fields: objectFields(element as z.ZodObject, options, path) };
  }
  throw new Error(
    `The CMS has no widget for the article field "${path}" (a zod ${def.type}): add one in src/lib/cms-config.ts`,
  );
}

/** The widget of a field holding one value, or undefined for objects, lists and the unknown. */
function singleWidget(schema: z.ZodType, { choices, timezone }: FormOptions): Widget | undefined {
  const mark = marks.get(schema);
  if (mark?.kind === 'image') return { widget: 'image', choose_url: false };
  if (mark?.kind === 'reference') {
    const options = choices[mark.collection];
    // Decap refuses a select with nothing to choose; the id can still be typed.
    if (options.length === 0)
      return { widget: 'string', hint: `None yet: add one in content/${mark.collection}/ first.` };
    return { widget: 'select', options };
  }
  if (z.globalRegistry.get(schema)?.format === 'date-time') {
    return {
      widget: 'datetime',
      // Saved with the UTC offset of the editor's computer, which the schema requires.
      format: 'YYYY-MM-DDTHH:mm:ssZ',
      hint: `In your computer's time, saved with its UTC offset; readers see it in ${timezone} time.`,
    };
  }
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'string':
      return { widget: 'string' };
    case 'boolean':
      return { widget: 'boolean' };
    case 'number':
      return {
        widget: 'number',
        value_type: (schema as z.ZodNumber).format?.includes('int') ? 'int' : 'float',
      };
    case 'enum':
      return { widget: 'select', options: Object.values(def['entries'] as Record<string, string>) };
    default:
      return undefined;
  }
}

/** A field of an optional object, optional in the form and, if the schema needs it, said so. */
function requiredWith(field: CmsField, object: string): CmsField {
  if (field.required === false) return field;
  const needed = `Needed when ${object.toLowerCase()} is filled in.`;
  return { ...field, required: false, hint: field.hint ? `${needed} ${field.hint}` : needed };
}

/** A camelCase field name in words: editorsNote → "Editors note". */
function words(name: string): string {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
