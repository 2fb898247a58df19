/**
 * Publication dates arrive as ISO 8601 (HTML meta, JSON-LD, DOCX core properties), as PDF
 * date strings ("D:20251101093000+03'00'") or as free text ("1 Nov 2025"). We keep only the
 * calendar day, and the day the source wrote: converting "2025-11-01T23:30-05:00" to UTC would
 * move the article to the next day.
 */

const MONTH_NAME =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

function isoDay(year: number, month: number, day: number): string {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return '';
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** YYYY-MM-DD, or '' when the value is not a date we can read without guessing. */
export function toIsoDate(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  if (!text) return '';

  // ISO 8601 and the PDF form: the leading digits are the source's own calendar day.
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const pdf = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(text);
  if (pdf) return isoDay(Number(pdf[1]), Number(pdf[2]), Number(pdf[3]));
  // Free text ("November 1, 2025", RFC 2822), only with a month name and a four-digit year:
  // V8's Date.parse accepts nearly anything ("D:0000" is 1 January 2000), and 03/04/2025 is
  // a different day in London and in New York. Date.parse reads zone-less text as local time,
  // so local getters give back the day that was written.
  if (!MONTH_NAME.test(text) || !/\b\d{4}\b/.test(text)) return '';
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return '';
  const offset = /(?:([+-])(\d{2}):?(\d{2})|\b(?:GMT|UTC|Z))\s*$/i.exec(text);
  if (offset) {
    // Shift to the writer's zone, then read the day in UTC terms.
    const sign = offset[1] === '-' ? -1 : 1;
    const minutes = sign * (Number(offset[2] ?? 0) * 60 + Number(offset[3] ?? 0));
    const local = new Date(parsed + minutes * 60_000);
    return isoDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  }
  const date = new Date(parsed);
  return isoDay(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
