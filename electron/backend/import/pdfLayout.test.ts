/**
 * PDF layout to running text (issue 12), on PDFs made here with pdfkit: lines of a paragraph
 * joined, words broken at a line end mended, real hyphens kept, paragraph breaks kept, and
 * two columns read one after the other even when the page draws them row by row.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractDocument } from './extract';
import { hyphenatedWords, joinLines } from './pdfParagraphs';

/** A line of text at (x, y), y from the top of the page as pdfkit counts it. */
interface Placed {
  text: string;
  x: number;
  y: number;
}

const SIZE = 11;
const LEADING = 14;

/** A one-page A4 PDF with each line drawn where it is placed, in the order given. */
function makePdf(lines: readonly Placed[]): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [595, 842], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.font('Helvetica').fontSize(SIZE);
  for (const line of lines) doc.text(line.text, line.x, line.y, { lineBreak: false });
  doc.end();
  return done;
}

/** Paragraphs of lines in one column from `top`, a blank line's worth between paragraphs. */
function column(paragraphs: readonly (readonly string[])[], x: number, top = 60): Placed[] {
  const placed: Placed[] = [];
  let y = top;
  for (const lines of paragraphs) {
    for (const text of lines) {
      placed.push({ text, x, y });
      y += LEADING;
    }
    y += LEADING;
  }
  return placed;
}

async function textOf(lines: readonly Placed[]): Promise<string> {
  const doc = await extractDocument({ fileName: 'layout.pdf', bytes: await makePdf(lines) });
  return doc.text;
}

describe('PDF paragraphs', () => {
  it('joins the lines of a paragraph and keeps paragraphs apart', async () => {
    const text = await textOf(
      column(
        [
          ['Alexey Chepa said Russia would help', 'Venezuela within the partnership', 'agreement.'],
          ['The war with the entire NATO bloc', 'limits what Moscow can send.'],
        ],
        50,
      ),
    );
    expect(text).toBe(
      'Alexey Chepa said Russia would help Venezuela within the partnership agreement.\n\n' +
        'The war with the entire NATO bloc limits what Moscow can send.',
    );
  });

  it('mends words broken at a line end and keeps real hyphens', async () => {
    const text = await textOf(
      column(
        [
          ['Russia will help to the best of its abil-', 'ities, a well-known formula.'],
          ['The formula is well-', 'known in Moscow; the Franco-', 'German plan is not.'],
        ],
        50,
      ),
    );
    expect(text).toBe(
      'Russia will help to the best of its abilities, a well-known formula.\n\n' +
        'The formula is well-known in Moscow; the Franco-German plan is not.',
    );
  });

  it('reads two columns one after the other, though the page draws them row by row', async () => {
    const left = column(
      [
        ['Galeotti told Radio Liberty', 'that Russia can offer little', 'beyond diplomacy.'],
        ['Sitenko said the war rules', 'out sending troops, and'],
      ],
      50,
    );
    const right = column(
      [['limited help cannot be', 'ruled out.'], ['Zakharova condemned force.']],
      320,
    );
    const rows = [...left, ...right].sort((a, b) => a.y - b.y || a.x - b.x);
    const headline: Placed = {
      text: 'What Moscow can offer Caracas in the weeks to come',
      x: 50,
      y: 30,
    };
    const text = await textOf([headline, ...rows]);
    expect(text).toBe(
      [
        'What Moscow can offer Caracas in the weeks to come',
        'Galeotti told Radio Liberty that Russia can offer little beyond diplomacy.',
        // The paragraph runs on into the next column: its line did not end a sentence.
        'Sitenko said the war rules out sending troops, and limited help cannot be ruled out.',
        'Zakharova condemned force.',
      ].join('\n\n'),
    );
  });
});

describe('joinLines', () => {
  it('drops a soft hyphen and keeps a hyphen written elsewhere in the document', () => {
    const known = hyphenatedWords([['a state-of-the-art system']]);
    expect(joinLines(['a state-of-the-', 'art radar'], known)).toBe('a state-of-the-art radar');
    expect(joinLines(['inter\u00AD', 'national'], known)).toBe('international');
    expect(joinLines(['air de-', 'fence'], known)).toBe('air defence');
  });
});
