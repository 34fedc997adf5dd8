/**
 * Dates as readers see them: always in the site's timezone, never the build machine's.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options: creating an Intl.DateTimeFormat costs far more than using
 * it, and a build formats tens of thousands of dates.
 */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

/** "3 March 2025" in the site timezone. */
export function formatDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formatter(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "3 March 2025, 09:00 GMT+8" in the site timezone. */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  const time = formatter(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).format(date);
  return `${formatDate(date, timeZone, locale)}, ${time}`;
}

/** The UTC offset of `timeZone` at `date`, as "+08:00". */
export function utcOffset(date: Date, timeZone: string): string {
  const name = formatter('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/** ISO 8601 with the site timezone's offset, e.g. 2025-03-03T09:00:00+08:00 (`<time datetime>`, JSON-LD). */
export function isoInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${utcOffset(date, timeZone)}`;
}

/** Year and two-digit month of `date` in the site timezone, for date archives. */
export function yearMonth(date: Date, timeZone: string): { year: string; month: string } {
  const parts = formatter('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(date);
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
  return { year: part('year'), month: part('month') };
}

/** The year of `date` in the site timezone, e.g. for the footer's copyright line. */
export function yearIn(date: Date, timeZone: string): number {
  return Number(yearMonth(date, timeZone).year);
}

/** "March 2025" for a year and two-digit month. */
export function monthName(year: string, month: string, locale = 'en-GB'): string {
  return formatter(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(Number(year), Number(month) - 1, 15)),
  );
}
