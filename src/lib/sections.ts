import { reservedSegments } from './urls.ts';

/** A section as the tree needs it. */
export interface SectionNode {
  id: string;
  name: string;
  order: number;
}

/** Ids from the top of the tree down to `id`: business/auto → [business, business/auto]. */
export function sectionLineage(id: string): string[] {
  const segments = id.split('/');
  return segments.map((_, index) => segments.slice(0, index + 1).join('/'));
}

/** The sections from the top of the tree down to `id`, for the kicker and breadcrumbs. */
export function sectionPath<T extends SectionNode>(id: string, sections: ReadonlyMap<string, T>): T[] {
  return sectionLineage(id).flatMap((ancestor) => sections.get(ancestor) ?? []);
}

/** Sections directly under `parent` ('' for the top level), in navigation order. */
export function childSections<T extends SectionNode>(parent: string, sections: Iterable<T>): T[] {
  return [...sections]
    .filter((section) => parentOf(section.id) === parent)
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** The parent id of a section ('' for a top-level section). */
export function parentOf(id: string): string {
  return id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
}

/** Problems with the section tree: orphans (business/auto without business) and reserved names. */
export function sectionTreeProblems(ids: Iterable<string>): string[] {
  const known = new Set(ids);
  const problems: string[] = [];
  for (const id of known) {
    const parent = parentOf(id);
    if (parent && !known.has(parent)) {
      problems.push(`section "${id}" has no parent section: add sections/${parent}.yaml`);
    }
    const segments = id.split('/');
    const top = segments[0] ?? '';
    if ((reservedSegments as readonly string[]).includes(top)) {
      problems.push(`section "${id}" uses the reserved name "${top}": rename its file`);
    } else if (segments.includes('page')) {
      problems.push(`section "${id}" uses the reserved name "page" (pagination): rename its file`);
    }
  }
  return problems;
}
