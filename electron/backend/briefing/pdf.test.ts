/**
 * The PDF prints every character the UI shows (issue 11), read back from its text layer
 * with pdf.js, where a glyph the fonts lack comes out as U+0000 (.notdef); keeps headings
 * with what follows; and cites each note in full.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { BriefingModel } from '../../../shared/domain/briefingModel';
import { briefingToPdf } from './pdf';

function model(fields: Partial<BriefingModel> = {}): BriefingModel {
  return {
    title: 'Moscow and Caracas',
    marking: '',
    author: '',
    date: '',
    bluf: '',
    judgments: [],
    actors: [],
    claims: [],
    sources: [],
    notes: [],
    ...fields,
  };
}

async function pages(m: BriefingModel): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(await briefingToPdf(m)));
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}
const flat = async (m: BriefingModel) => (await pages(m)).join(' ').replace(/\s+/g, ' ');

/** What an analyst's note holds: chain arrows, Cyrillic, Greek, accents, quotes, dashes, CJK. */
const WORLD =
  'Мария Захарова → Lenta.ru ← Ελλάδα; Zürich, São Paulo, Łódź, Ñuñoa; “quoted” ‘single’ «guillemets» — dash – en; 王毅 and ひらがな カタカナ';

describe('the PDF’s fonts', () => {
  it('prints every character of a note with arrows, Cyrillic, Greek, accents, quotes and CJK, with no .notdef', async () => {
    const text = await flat(
      model({
        title: WORLD,
        claims: [
          {
            claimId: 'c',
            text: WORLD,
            quote: 'q',
            attribution: 'Maria Zakharova → Lenta.ru → Claimdesk sample digest',
            grade: 'D2',
            score: 50,
            note: 1,
          },
        ],
      }),
    );
    for (const ch of new Set(WORLD.replace(/\s/g, ''))) expect(text, ch).toContain(ch);
    expect(text).toContain('Maria Zakharova → Lenta.ru → Claimdesk sample digest');
    expect(text).not.toContain('\u0000');
    expect(text).not.toContain('\uFFFD');
    expect(text).not.toContain('no glyph');
  });

  it('says so in the note when a character has no glyph (Hangul), which the text check would catch', async () => {
    const text = await flat(model({ title: 'Seoul 서울' }));
    // The check above is not vacuous: a missing glyph reads as U+0000.
    expect(text).toContain('\u0000');
    expect(text).toContain('2 characters have no glyph in the fonts it embeds (U+C11C, U+C6B8)');
  });
});

describe('the PDF’s layout', () => {
  it('cites notes as legible bracketed numbers, with chain, document, dates said, reported and retrieved, and URL', async () => {
    const text = await flat(
      model({
        judgments: [
          {
            statement: 'Russia is unlikely to send troops.',
            likelihood: 'unlikely',
            range: '20–45%',
            confidence: 'moderate',
            notes: [1, 2],
            notesFor: [1],
            notesAgainst: [2],
            uncitedFor: 0,
            uncitedAgainst: 1,
          },
        ],
        notes: [
          {
            n: 1,
            quote: 'Russia would help',
            speaker: 'Alexey Chepa',
            outlet: 'Lenta.ru',
            document: 'Moscow’s options',
            date: '2025-11-01',
            url: 'https://example.org/options',
            chain: 'Alexey Chepa → Lenta.ru → Claimdesk sample digest',
            said: '2025-11-01',
            reported: '2025-11-03',
            retrieved: '2025-11-05',
          },
        ],
      }),
    );
    expect(text).toContain('Analytic confidence: moderate.');
    expect(text).toContain(
      'Evidence for: [1] · against: [2] (in the basis, not cited in this note: 1 claim against).',
    );
    expect(text).toContain(
      '[1] “Russia would help”, Alexey Chepa → Lenta.ru → Claimdesk sample digest, Moscow’s options, said 2025-11-01, reported 2025-11-03, retrieved 2025-11-05, https://example.org/options.',
    );
  });

  it('never leaves a heading alone at the foot of a page', async () => {
    const headings = [
      'Bottom line up front',
      'Key judgments',
      'What the actors said',
      'Claims',
      'Sources',
      'Notes',
    ];
    const filler = 'The analyst weighs what each source said and how far it can be trusted. ';
    let moved = 0;
    for (let lines = 20; lines <= 46; lines += 2) {
      const text = await pages(
        model({
          bluf: filler.repeat(lines),
          claims: [1, 2, 3].map((n) => ({
            claimId: `c${n}`,
            text: `Claim ${n}.`,
            quote: 'q',
            attribution: 'Mark Galeotti',
            grade: 'B2',
            score: 70,
            note: n,
          })),
          sources: [
            { name: 'Mark Galeotti', kind: 'Person', grade: 'B', label: 'Usually reliable' },
          ],
          notes: [1, 2, 3].map((n) => ({
            n,
            quote: 'q',
            speaker: 'Mark Galeotti',
            outlet: '',
            document: 'D',
            date: '',
            url: '',
          })),
        }),
      );
      for (const page of text) {
        const body = page.replace(/\s*\d+ \/ \d+\s*$/, '').trim();
        for (const h of headings)
          expect(body.endsWith(h), `${lines} lines: ${body.slice(-60)}`).toBe(false);
        if (headings.some((h) => body.startsWith(h))) moved += 1;
      }
    }
    // Some layouts put a heading at the top of a page: the rule had work to do.
    expect(moved).toBeGreaterThan(0);
  });
});
