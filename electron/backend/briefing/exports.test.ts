/**
 * Briefing exports, opened the way a reader would open them: the DOCX's XML (body and
 * footnotes) and the PDF's text layer must carry the judgments, the footnotes and the grades.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, describe, expect, it } from 'vitest';
import type { Briefing } from '../../../shared/domain/schemas';
import type { Backend } from '../backend';
import { backendHarness, call } from '../testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

const SAMPLE = path.resolve('data/sample-case.json');

async function sampleNote(): Promise<{ b: Backend; note: Briefing }> {
  const b = await harness.start(undefined, SAMPLE);
  const [kase] = await call(b, 'cases:list', {});
  if (!kase) throw new Error('no sample case');
  const created = await call(b, 'briefings:create', {
    caseId: kase.id,
    title: 'Will Moscow intervene?',
  });
  const note = await call(b, 'briefings:update', {
    briefingId: created.id,
    marking: 'UNCLASSIFIED // FOR TRAINING',
    bluf: 'Russia is unlikely to intervene militarily.',
  });
  return { b, note };
}

async function exported(b: Backend, briefingId: string, format: 'docx' | 'pdf' | 'md' | 'html') {
  const file = await call(b, 'briefings:export', { briefingId, format });
  return { ...file, bytes: Buffer.from(file.dataBase64, 'base64') };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The visible text of a WordprocessingML part. */
const wordText = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      (m[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e] ?? ''),
    )
    .join('');

describe('briefing exports', () => {
  it('the DOCX is a Word document with the judgments, the grades, a source table and real footnotes', async () => {
    const { b, note } = await sampleNote();
    const file = await exported(b, note.id, 'docx');
    expect(file.fileName).toBe('Will Moscow intervene.docx');
    const zip = await JSZip.loadAsync(file.bytes);
    const body = await zip.file('word/document.xml')?.async('string');
    const footnotes = await zip.file('word/footnotes.xml')?.async('string');
    const header = await zip.file('word/header1.xml')?.async('string');
    if (!body || !footnotes || !header) throw new Error('missing parts');
    const text = wordText(body);
    expect(text).toContain('Russia is unlikely to send troops to defend the Maduro government.');
    expect(text).toContain('Likelihood: unlikely (20–45%).');
    expect(text).toContain('Analytic confidence: moderate.');
    // Issue 11: the basis by direction; Chepa's pledge of help (note 7) cuts against it.
    expect(text).toContain('Evidence for: [1], [3], [8] · against: [7].');
    expect(text).toContain('B2, claim score 66/100');
    expect(text).not.toMatch(/confidence \d/);
    expect(text).toContain('B2'); // Galeotti's "diplomacy only": B source, credibility 2
    expect(body).toContain('<w:tbl>'); // the source table
    expect(text).toContain('Usually reliable');
    // One Word footnote per claim, citing quote, speaker, outlet and document.
    expect(body.match(/<w:footnoteReference /g)).toHaveLength(14);
    const notes = wordText(footnotes);
    expect(notes).toContain(
      '“if the United States moved to topple Maduro, Russia could offer little beyond diplomacy”, Mark Galeotti → Radio Liberty → Claimdesk sample digest, ',
    );
    expect(notes).toContain(
      "Moscow's options in Venezuela: what the Kremlin says, and what it can do, reported 2025-11-03.",
    );
    expect(notes).toContain('said 2025-10-30, reported 2025-11-03');
    expect(wordText(header)).toBe('UNCLASSIFIED // FOR TRAINING');
  });

  it('the PDF carries the same judgments, grades and numbered notes in its text layer', async () => {
    const { b, note } = await sampleNote();
    const file = await exported(b, note.id, 'pdf');
    expect(file.mimeType).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(file.bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('UNCLASSIFIED // FOR TRAINING');
    // The range may wrap after its dash, which the text layer reads as a space.
    expect(flat).toMatch(
      /1\. Russia is unlikely to send troops to defend the Maduro government\. Likelihood: unlikely \(20– ?45%\)\. Analytic confidence: moderate\. Evidence for: \[1\], \[3\], \[8\] · against: \[7\]\./,
    );
    expect(flat).toContain('Evidence for: [4], [9], [11], [12] · against: [1].');
    expect(flat).toContain('B — Usually reliable');
    expect(flat).toMatch(/B2, claim score 66\/100/);
    expect(flat).toContain(
      '[1] “if the United States moved to topple Maduro, Russia could offer little beyond diplomacy”, Mark Galeotti → Radio Liberty → Claimdesk sample digest',
    );
    // pdf.js reads a glyph the fonts lack (.notdef) as U+0000.
    expect(flat).not.toContain('\u0000');
    expect(flat).not.toContain('\uFFFD');
  });

  it('Markdown and HTML carry user text as text: markup in a claim is escaped, not rendered', async () => {
    const { b, note } = await sampleNote();
    const [first] = note.claimIds;
    if (!first) throw new Error('no claims');
    await call(b, 'claims:update', {
      claimId: first,
      text: '<script>alert(1)</script> **bold** [x](javascript:alert(1))',
    });
    await call(b, 'briefings:update', { briefingId: note.id });
    const html = (await exported(b, note.id, 'html')).bytes.toString('utf8');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script\b/i);
    expect(html).toContain("default-src 'none'");
    const md = (await exported(b, note.id, 'md')).bytes.toString('utf8');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).not.toContain('](javascript:');
    expect(md).toMatch(/\[\^1\]: “if the United States moved/);
    expect(md).toContain('Evidence for: [^1], [^3], [^8] · against: [^7]\\.');
    expect(html).toContain(
      'Evidence for: <a class="ref" href="#note-1">[1]</a>, <a class="ref" href="#note-3">[3]</a>, <a class="ref" href="#note-8">[8]</a> · against: <a class="ref" href="#note-7">[7]</a>.',
    );
  });

  it('a reopened note reads as it was saved, and knows which claims were edited since', async () => {
    const { b, note } = await sampleNote();
    const [first] = note.claimIds;
    if (!first) throw new Error('no claims');
    const before = note.saved?.claims[0]?.text;
    await call(b, 'claims:update', { claimId: first, text: 'Reworded after the note was saved.' });
    const [reopened] = await call(b, 'briefings:list', { caseId: note.caseId });
    expect(reopened?.saved?.claims[0]?.text).toBe(before);
    const [claim] = (await call(b, 'claims:list', { caseId: note.caseId })).filter(
      (c) => c.id === first,
    );
    expect(reopened?.claimVersions[first]).not.toBe(claim?.updatedAt);
    const refreshed = await call(b, 'briefings:update', { briefingId: note.id });
    expect(refreshed.saved?.claims[0]?.text).toBe('Reworded after the note was saved.');
  });

  it('keeps the analyst’s order of claims and refuses claims of another case', async () => {
    const { b, note } = await sampleNote();
    const reversed = [...note.claimIds].reverse();
    const updated = await call(b, 'briefings:update', { briefingId: note.id, claimIds: reversed });
    expect(updated.claimIds).toEqual(reversed);
    expect(updated.saved?.claims.map((c) => c.claimId)).toEqual(reversed);
    expect(updated.saved?.notes[0]?.n).toBe(1);
    const other = await call(b, 'cases:create', { title: 'Other' });
    const failed = await b.dispatch('briefings:update', {
      briefingId: note.id,
      claimIds: [other.id],
    });
    expect(failed.ok).toBe(false);
  });
});
