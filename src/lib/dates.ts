/**
 * Dates as readers see them: always in the site's timezone, never the build machine's.
 */

/** The value of `key` in `map`, made and stored the first time it is asked for. */
function got<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options: creating an Intl.DateTimeFormat costs far more than using
 * it, and a build formats tens of thousands of dates.
 */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return got(
    formatters,
    `${locale} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}

/** Per way of writing a date, then timezone: each moment's text, by its time in milliseconds. */
const formatted = new Map<string, Map<string, Map<number, string>>>();

/**
 * `format(date)`, worked out once per way of writing a date (`how`), timezone and moment. A site
 * shows the same dates over and over (a story's on every page and card that lists it): formatting
 * them anew took about 5 s of a profiled render of the 13,800 pages of a 10,000-article archive.
 * Each is looked up by way, zone and number in turn: a key of text made for every date a page
 * shows (the way, the zone and the moment's digits) took 0.6 s of that render, about four
 * times as long as this.
 */
function once(how: string, date: Date, timeZone: string, format: (date: Date) => string): string {
  const byZone = got(formatted, how, () => new Map<string, Map<number, string>>());
  return got(
    got(byZone, timeZone, () => new Map<number, string>()),
    date.getTime(),
    () => format(date),
  );
}

/** "3 March 2025" in the site timezone. */
export function formatDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return once(`date ${locale}`, date, timeZone, (at) =>
    formatter(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at),
  );
}

/** "3 March 2025, 09:00 GMT+8" in the site timezone. */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return once(`date-time ${locale}`, date, timeZone, (at) => {
    const time = formatter(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    }).format(at);
    return `${formatDate(at, timeZone, locale)}, ${time}`;
  });
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
  return once('iso', date, timeZone, (at) => {
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
        .formatToParts(at)
        .map((part) => [part.type, part.value]),
    );
    return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${utcOffset(at, timeZone)}`;
  });
}

/**
 * Year and two-digit month of `date` in the site timezone, for date archives. Asked of every
 * article by the date archives and again by the year of its page (`yearIn`): worked out once.
 */
export function yearMonth(date: Date, timeZone: string): { year: string; month: string } {
  const [year = '', month = ''] = once('year-month', date, timeZone, (at) => {
    const parts = formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
    const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
    return `${part('year')} ${part('month')}`;
  }).split(' ');
  return { year, month };
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
