import { z } from 'astro/zod';

/**
 * `npm run embargo-due`: whether an embargo has lifted since the last build, so a scheduled CI job
 * (every 15 minutes) builds and deploys only then. It reads the schedule the last build wrote
 * beside its output (`schedule`, src/lib/build-report.ts) and the clock; nothing else.
 */

/** The verdict and a sentence for the log. */
export interface EmbargoCheck {
  due: boolean;
  reason: string;
}

const instant = z.iso.datetime({ offset: true });
// What embargoDue needs of `Schedule` (src/lib/build-report.ts), checked: the file may be anything.
const scheduleSchema = z.object({
  builtAt: instant,
  scheduled: z.array(z.object({ file: z.string(), publishedAt: instant })),
});

const unreadable = (problem: string): EmbargoCheck => ({
  due: true,
  reason: `The schedule cannot be read (${problem}): building.`,
});

/**
 * Whether a build is due at `now`, given the text of the last build's schedule (undefined when
 * there is none). When in doubt it says build: an extra build costs minutes, a missed embargo
 * leaves a story unpublished.
 */
export function embargoDue(scheduleText: string | undefined, now: Date): EmbargoCheck {
  if (scheduleText === undefined) {
    return { due: true, reason: 'No schedule from a previous build: building.' };
  }
  let parsed;
  try {
    parsed = scheduleSchema.safeParse(JSON.parse(scheduleText));
  } catch (error) {
    return unreadable((error as Error).message);
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return unreadable(problems.join('; '));
  }
  const builtAt = new Date(parsed.data.builtAt);
  const waiting = parsed.data.scheduled
    .map((article) => ({ file: article.file, at: new Date(article.publishedAt) }))
    .filter((article) => article.at > builtAt)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const lifted = waiting.filter((article) => article.at <= now);
  if (lifted.length > 0) {
    const list = lifted.map((article) => `${article.file} at ${article.at.toISOString()}`).join(', ');
    const count = lifted.length === 1 ? '1 embargo has' : `${lifted.length} embargoes have`;
    return { due: true, reason: `${count} lifted since the last build (${builtAt.toISOString()}): ${list}.` };
  }
  if (waiting[0]) {
    return {
      due: false,
      reason: `Nothing to publish: the next embargo lifts at ${waiting[0].at.toISOString()} (${waiting[0].file}).`,
    };
  }
  return { due: false, reason: `No embargo was waiting at the last build (${builtAt.toISOString()}).` };
}
