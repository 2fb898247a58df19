/**
 * A re-anchored quote holds its quote marks in pairs (issue 12): a fuzzy match can end on a
 * closing mark whose opening one it left out (`threats"` when a period moved outside the
 * closing mark), or start inside a quotation and stop short of its end. The rule, per kind
 * of mark: an unpaired opening mark takes in its closing mark when that stands right after
 * the quote, else it is dropped; an unpaired closing mark takes in its opening mark when
 * that stands right before the quote, else it is dropped. Single curly marks are left alone,
 * as ’ is also the apostrophe ("Russia’s").
 */

interface Pair {
  open: string;
  close: string;
}

const PAIRS: readonly Pair[] = [
  { open: '“', close: '”' },
  { open: '«', close: '»' },
  { open: '„', close: '“' },
];
const STRAIGHT = '"';

const count = (s: string, mark: string): number => s.split(mark).length - 1;

/** `[start, end)` widened or narrowed by one mark per kind, so that its marks pair up. */
export function balanceQuotes(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let s = start;
  let e = end;
  const span = () => text.slice(s, e);

  // Straight marks open and close alike: an odd count means one is unpaired.
  if (count(span(), STRAIGHT) % 2 === 1) {
    if (span().startsWith(STRAIGHT) && text[e] === STRAIGHT) e += 1;
    else if (span().endsWith(STRAIGHT) && text[s - 1] === STRAIGHT) s -= 1;
    else if (span().endsWith(STRAIGHT)) e -= 1;
    else if (span().startsWith(STRAIGHT)) s += 1;
  }
  for (const { open, close } of PAIRS) {
    // „…“ shares its closing mark with “…”: counted only where „ is used.
    if (open === '„' && !span().includes(open)) continue;
    const opens = count(span(), open);
    const closes = count(span(), close);
    if (opens > closes) {
      if (text[e] === close) e += 1;
      else if (span().startsWith(open)) s += 1;
    } else if (closes > opens) {
      if (text[s - 1] === open) s -= 1;
      else if (span().endsWith(close)) e -= 1;
    }
  }
  return s < e ? { start: s, end: e } : { start, end };
}
