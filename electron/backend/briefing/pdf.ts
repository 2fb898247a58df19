/**
 * A briefing note as PDF, made by the backend with pdfmake, so the desktop app and the web
 * host produce the very same file. Every character the UI shows prints (issue 11): DejaVu
 * Sans for Latin, Greek, Cyrillic, arrows and typographic quotes, Noto Sans SC for Chinese
 * and Japanese, and a notice in the note for anything neither has (pdfFonts.ts). Note
 * references print as bold "[3]" at the running text's size, headings never end a page,
 * and each judgment says which notes are evidence for it and which against. Nothing is
 * fetched and no file but the fonts is read.
 */
import path from 'node:path';
import type pdfmakeModule from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { evidenceSegments, noteCitation } from '../../../shared/briefing/citation';
import type { BriefingModel } from '../../../shared/domain/briefingModel';
import { ANALYTIC_CONFIDENCE_LABEL, claimScoreText } from '../../../shared/domain/labels';
import { coverageOf, findPdfFonts, fontRuns, missingGlyphsNotice, type Coverage } from './pdfFonts';

const MAIN = 'DejaVuSans';
const CJK = 'NotoSansSC';
/** Marks the page's header and footer, which the keep-with-next rule must not count. */
const CHROME = 'page-chrome';

interface Fonts {
  main: Coverage;
  cjk: Coverage;
}

type PdfMake = typeof pdfmakeModule;

/**
 * pdfmake (with pdfkit and fontkit) is loaded at the first PDF, not when the backend starts:
 * evaluating it took about 120 ms of every start (issue 9, web host start → first list).
 */
let loading: Promise<{ pdfmake: PdfMake; fonts: Fonts }> | null = null;
const configured = () =>
  (loading ??= import('pdfmake')
    .then(({ default: pdfmake }) => configure(pdfmake))
    .catch((error: unknown) => {
      // Fonts missing now may be installed before the next PDF: tried again then.
      loading = null;
      throw error;
    }));

function configure(pdfmake: PdfMake): { pdfmake: PdfMake; fonts: Fonts } {
  const found = findPdfFonts();
  const cjk = found.cjk ?? found.main.normal;
  pdfmake.setFonts({
    [MAIN]: found.main,
    // One weight: bold and italic CJK print regular rather than not at all.
    [CJK]: { normal: cjk, bold: cjk, italics: cjk, bolditalics: cjk },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  const allowed = new Set([...Object.values(found.main), cjk].map((f) => path.resolve(f)));
  pdfmake.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
  const fonts = { main: coverageOf(found.main.normal), cjk: coverageOf(found.cjk) };
  return { pdfmake, fonts };
}

/** Builds the content with every piece of text cut into font runs. */
class Writer {
  readonly missing = new Set<string>();
  constructor(private readonly fonts: Fonts) {}

  /** Text in the fonts that have its characters. */
  t(text: string): Content {
    const runs = fontRuns(text, this.fonts.main, this.fonts.cjk, this.missing);
    if (runs.length === 1 && !runs[0]?.fallback) return text;
    return { text: runs.map((r) => (r.fallback ? { text: r.text, font: CJK } : r.text)) };
  }

  /** A note reference: bold "[3]" in the running text's size and a clear blue. */
  ref(n: number): Content {
    return { text: `[${n}]`, bold: true, color: '#1d4ed8' };
  }
}

function body(m: BriefingModel, w: Writer): Content[] {
  const t = (s: string) => w.t(s);
  const h2 = (s: string): Content => ({ text: t(s), style: 'h2', headlineLevel: 1 });
  const out: Content[] = [];
  out.push({ text: t(m.title), style: 'title' });
  const byline = [m.author, m.date].filter(Boolean).join(' · ');
  if (byline) out.push({ text: t(byline), style: 'byline' });
  if (m.bluf) out.push(h2('Bottom line up front'), { text: t(m.bluf) });
  if (m.judgments.length > 0) {
    out.push(h2('Key judgments'));
    // Numbered by hand rather than as a list: a list's markers land out of reading order
    // in the text layer, which is what search, copy and screen readers read.
    m.judgments.forEach((j, i) => {
      const evidence = evidenceSegments(j);
      out.push(
        {
          text: [
            t(`${i + 1}. ${j.statement}`),
            ` Likelihood: ${j.likelihood} `,
            // The range stays on one line: "20–" at a line's end reads as a broken number.
            { text: `(${j.range}).`, noWrap: true },
          ],
        },
        // ICD 203: confidence in a sentence of its own.
        {
          text: `${ANALYTIC_CONFIDENCE_LABEL}: ${j.confidence}.`,
          margin: [12, 2, 0, evidence.length > 0 ? 0 : 6],
        },
      );
      if (evidence.length > 0) {
        out.push({
          text: evidence.map((s) => ('note' in s ? w.ref(s.note) : s.text)),
          margin: [12, 0, 0, 6],
        });
      }
    });
  }
  if (m.actors.length > 0) {
    out.push(h2('What the actors said'));
    for (const a of m.actors) {
      out.push({ text: t(a.name), style: 'h3', headlineLevel: 2 });
      if (a.description) {
        out.push({
          text: [
            { text: t(a.description), italics: true },
            t(`, source reliability ${a.reliability}`),
          ],
        });
      }
      out.push({
        ul: a.points.map((p) => ({ text: [t(`${p.text} `), w.ref(p.note)] })),
        margin: [0, 2, 0, 4],
      });
    }
  }
  if (m.claims.length > 0) {
    out.push(h2('Claims'));
    out.push({
      ul: m.claims.map((c) => ({
        text: [
          { text: t(c.text), bold: true },
          ' ',
          w.ref(c.note),
          t(` — ${c.attribution} (`),
          { text: c.grade, bold: true },
          `, ${claimScoreText(c.score)})`,
        ],
      })),
    });
  }
  if (m.sources.length > 0) {
    // The heading is the table's first header row: it then moves with the column heads and
    // the first source (keepWithHeaderRows) and repeats above a table that runs on, where
    // a heading before the table would be left behind (pdfmake's keep-with-next cannot see
    // a table's rows that moved).
    out.push({
      table: {
        headerRows: 2,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: ['*', 'auto', 'auto'],
        body: [
          [{ text: 'Sources', style: 'h2', colSpan: 3 }, '', ''],
          [
            { text: 'Source', bold: true },
            { text: 'Kind', bold: true },
            { text: 'Reliability', bold: true },
          ],
          ...m.sources.map((s) => [t(s.name), s.kind, `${s.grade} — ${s.label}`]),
        ],
      },
      layout: {
        hLineWidth: (i, node) => (i <= 1 || i === node.table.body.length ? 0 : i === 2 ? 1 : 0.5),
        vLineWidth: () => 0,
        hLineColor: (i) => (i === 2 ? '#333333' : '#aaaaaa'),
        paddingLeft: (i) => (i === 0 ? 0 : 6),
      },
    });
  }
  if (m.notes.length > 0) {
    out.push(h2('Notes'));
    for (const n of m.notes) {
      const parts = noteCitation(n);
      out.push({
        text: [
          { text: `[${n.n}] `, bold: true },
          ...parts.flatMap((p, i) => [
            p.italic ? { text: t(p.text), italics: true } : t(p.text),
            i < parts.length - 1 ? ', ' : '.',
          ]),
        ],
        style: 'notes',
      });
    }
  }
  return out;
}

export async function briefingToPdf(m: BriefingModel): Promise<Buffer> {
  const { pdfmake, fonts } = await configured();
  const w = new Writer(fonts);
  const content = body(m, w);
  const marking = m.marking ? w.t(m.marking) : '';
  const notice = missingGlyphsNotice(w.missing);
  if (notice) content.push({ text: notice, style: 'notice' });
  const definition: TDocumentDefinitions = {
    info: { title: m.title, author: m.author, creator: 'Claimdesk' },
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 64],
    header: m.marking
      ? { text: marking, style: ['marking', CHROME], margin: [0, 24, 0, 0] }
      : undefined,
    footer: (page, pages) => ({
      id: CHROME,
      columns: [
        { width: 40, text: '' },
        { width: '*', text: marking, style: ['marking', CHROME] },
        { width: 40, text: `${page} / ${pages}`, alignment: 'right', fontSize: 8, style: CHROME },
      ],
      margin: [56, 20, 56, 0],
    }),
    content,
    // A heading never ends a page: one followed on its page by nothing but headings moves
    // to the next, with what follows it. The page's header and footer do not count.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel !== undefined &&
      nodes
        .getFollowingNodesOnPage()
        .filter((next) => next.id !== CHROME && ![next.style].flat().includes(CHROME))
        .every((next) => next.headlineLevel !== undefined),
    defaultStyle: { font: MAIN, fontSize: 10, lineHeight: 1.25 },
    styles: {
      marking: { bold: true, alignment: 'center', fontSize: 9 },
      title: { fontSize: 19, bold: true, margin: [0, 8, 0, 4] },
      byline: { color: '#555555', margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
      notes: { fontSize: 9, margin: [0, 0, 0, 3] },
      [CHROME]: {},
      notice: { fontSize: 9, italics: true, color: '#7a4b00', margin: [0, 12, 0, 0] },
    },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
