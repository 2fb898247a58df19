/**
 * When a claim was said, from the words around it (never from inside the claim): "on 30
 * October", "on Saturday", "yesterday", "last week". chrono-node reads the phrase; news
 * conventions then fix what it leaves open: a weekday is the latest one on or before
 * publication, and a day without a year is the latest such day on or before it. Without a
 * publication date only a date with its year is given.
 */
import { casual, type Chrono } from 'chrono-node/en';

const DAY_MS = 86_400_000;

/**
 * chrono's casual English parser without the parts that read clock times, slashed and ISO
 * dates and time zones: a claim's date is a day, and building the time-zone patterns alone cost
 * about 0.2 s on first use. Matched by class name, so in a bundle that renames classes nothing
 * is dropped and only the first call is slower.
 */
const UNNEEDED =
  /^(?:ENTimeExpressionParser|ENCasualTimeParser|ISOFormatParser|SlashDateFormatParser|ENSlashMonthFormatParser|ENTimeUnitWithinFormatParser|ENTimeUnitLaterFormatParser|ExtractTimezoneAbbrRefiner|ExtractTimezoneOffsetRefiner)$/u;
let parser: Chrono | null = null;
function dayParser(): Chrono {
  if (!parser) {
    parser = casual.clone();
    parser.parsers = parser.parsers.filter((p) => !UNNEEDED.test(p.constructor.name));
    parser.refiners = parser.refiners.filter((r) => !UNNEEDED.test(r.constructor.name));
  }
  return parser;
}
const DATE_WORDS =
  /\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|ago|last\s+(?:week|month))/iu;

const iso = (d: Date): string => d.toISOString().slice(0, 10);

function parseIsoDate(s: string | undefined): Date | null {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/u.test(s)) return null;
  const d = new Date(`${s}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The date a claim was said, from the text of its attribution, or null. */
export function saidOn(attribution: string, publishedAt: string | undefined): string | null {
  // Most attributions hold no date: skip the parser unless a date word is there.
  const found = DATE_WORDS.exec(attribution);
  if (!found) return null;
  // Only the words around the date go to the parser: it is the slowest step of the extractor.
  const from = Math.max(0, found.index - 24);
  attribution = attribution.slice(from, found.index + found[0].length + 24);
  const reference = parseIsoDate(publishedAt);
  const results = dayParser().parse(attribution, reference ?? new Date(Date.UTC(2000, 0, 1, 12)), {
    forwardDate: false,
  });
  for (const r of results) {
    const c = r.start;
    const hasYear = c.isCertain('year');
    const hasDay = c.isCertain('day');
    const hasWeekday = c.isCertain('weekday');
    // "in 2019", "this month": not a day.
    if (!hasDay && !hasWeekday) continue;
    if (!reference) {
      if (hasYear && hasDay) return iso(c.date());
      continue;
    }
    let date = new Date(
      Date.UTC(c.get('year') ?? 0, (c.get('month') ?? 1) - 1, c.get('day') ?? 1, 12),
    );
    if (hasWeekday && !hasDay) {
      const back = (reference.getUTCDay() - (c.get('weekday') ?? 0) + 7) % 7;
      date = new Date(reference.getTime() - back * DAY_MS);
    } else if (!hasYear && date.getTime() > reference.getTime() + DAY_MS) {
      date.setUTCFullYear(date.getUTCFullYear() - 1);
    }
    return iso(date);
  }
  return null;
}
