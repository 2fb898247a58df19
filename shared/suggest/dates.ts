/**
 * When a claim was said, from the words around it (never from inside the claim): "on 30
 * October", "on Saturday", "yesterday", "last week". chrono-node reads the phrase; news
 * conventions then fix what it leaves open: a weekday is the latest one on or before
 * publication, and a day without a year is the latest such day on or before it. Without a
 * publication date only a date with its year is given.
 */
import { parse } from 'chrono-node/en';

const DAY_MS = 86_400_000;
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
  if (!DATE_WORDS.test(attribution)) return null;
  const reference = parseIsoDate(publishedAt);
  const results = parse(attribution, reference ?? new Date(Date.UTC(2000, 0, 1, 12)), {
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
