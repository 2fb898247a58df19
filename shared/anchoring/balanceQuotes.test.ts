import { describe, expect, it } from 'vitest';
import { balanceQuotes } from './balanceQuotes';
import { locateAnchor } from './reanchor';
import { createAnchor, isAnchor } from './textQuote';

/** `text` cut by balanceQuotes around the first occurrence of `span`. */
function balanced(text: string, span: string): string {
  const start = text.indexOf(span);
  const cut = balanceQuotes(text, start, start + span.length);
  return text.slice(cut.start, cut.end);
}

/** Where `quote`, captured in `before`, lands in `after`. */
function moved(before: string, quote: string, after: string): string | undefined {
  const start = before.indexOf(quote);
  const anchor = createAnchor(before, start, start + quote.length, quote);
  if (!isAnchor(anchor)) throw new Error(`not an anchor: ${anchor}`);
  return locateAnchor(after, anchor)?.anchor.exact;
}

describe('balanceQuotes', () => {
  it('drops a stray closing mark whose opening one is not there', () => {
    expect(balanced('He said "we face threats". Then', 'face threats"')).toBe('face threats');
    expect(balanced('He said “we face threats”. Then', 'face threats”')).toBe('face threats');
  });

  it('takes in the closing mark that stands right after an opened quotation', () => {
    expect(balanced('He said "we face threats". Then', '"we face threats')).toBe(
      '"we face threats"',
    );
    expect(balanced('Il a dit «nous résistons» hier', '«nous résistons')).toBe('«nous résistons»');
  });

  it('takes in the opening mark that stands right before a closed quotation', () => {
    expect(balanced('He said x“we face threats” y', 'we face threats”')).toBe('“we face threats”');
  });

  it('leaves paired marks and apostrophes alone', () => {
    expect(balanced('He said “Russia’s help”. Then', '“Russia’s help”')).toBe('“Russia’s help”');
    expect(balanced('said "a" and "b" then', '"a" and "b"')).toBe('"a" and "b"');
  });
});

describe('re-anchoring with quote marks (issue 12)', () => {
  const OLD = 'The minister said: "We face grave and growing threats." Then he left the room.';
  const NEW = 'The minister said: "We face grave and growing threats". Then he left the room.';

  it('keeps the quotation whole when the period moved outside the closing mark', () => {
    expect(moved(OLD, '"We face grave and growing threats."', NEW)).toBe(
      '"We face grave and growing threats"',
    );
  });

  it('takes in no stray closing mark when the quote began inside the quotation', () => {
    expect(moved(OLD, 'We face grave and growing threats.', NEW)).toBe(
      'We face grave and growing threats',
    );
    const curlyOld = OLD.replace('"We', '“We').replace('."', '.”');
    const curlyNew = NEW.replace('"We', '“We').replace('".', '”.');
    expect(moved(curlyOld, '“We face grave and growing threats.”', curlyNew)).toBe(
      '“We face grave and growing threats”',
    );
  });
});
