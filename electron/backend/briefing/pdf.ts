/**
 * A briefing note as PDF, made by the backend with pdfmake, so the desktop app and the web
 * host produce the very same file. Roboto (shipped with pdfmake) covers Latin, Cyrillic and
 * Greek, which the PDF standard fonts do not. Nothing is fetched and no other file is read.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BriefingModel } from '../../../shared/domain/briefingModel';

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};

/** dist/fonts in a build (copied by scripts/build.mjs), pdfmake's own folder in development. */
function fontsDir(): string {
  const candidates = [
    process.env.CLAIMDESK_FONTS_DIR,
    path.join(__dirname, '..', 'fonts'),
    path.resolve('node_modules', 'pdfmake', 'fonts', 'Roboto'),
  ].filter((d): d is string => !!d);
  const found = candidates.find((d) => existsSync(path.join(d, FONT_FILES.normal)));
  if (!found) throw new Error(`The PDF fonts are missing (looked in ${candidates.join(', ')}).`);
  return found;
}

let configured = false;
function configure(): void {
  if (configured) return;
  const dir = fontsDir();
  const font = (file: string) => path.join(dir, file);
  pdfmake.setFonts({
    Roboto: {
      normal: font(FONT_FILES.normal),
      bold: font(FONT_FILES.bold),
      italics: font(FONT_FILES.italics),
      bolditalics: font(FONT_FILES.bolditalics),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === dir);
  configured = true;
}

const sup = (n: number): Content => ({ text: String(n), sup: true, color: '#2459c4' });
/** Several notes on one statement: one superscript, comma-separated. */
const sups = (ns: readonly number[]): Content[] =>
  ns.length === 0 ? [] : [{ text: ns.join(','), sup: true, color: '#2459c4' }];

function body(m: BriefingModel): Content[] {
  const out: Content[] = [];
  out.push({ text: m.title, style: 'title' });
  const byline = [m.author, m.date].filter(Boolean).join(' · ');
  if (byline) out.push({ text: byline, style: 'byline' });
  if (m.bluf) out.push({ text: 'Bottom line up front', style: 'h2' }, { text: m.bluf });
  if (m.judgments.length > 0) {
    out.push({ text: 'Key judgments', style: 'h2' });
    // Numbered by hand rather than as a list: a list's markers land out of reading order
    // in the text layer, which is what search, copy and screen readers read.
    m.judgments.forEach((j, i) => {
      out.push(
        {
          text: [
            `${i + 1}. ${j.statement}`,
            ...sups(j.notes),
            ` Likelihood: ${j.likelihood} (${j.range}).`,
          ],
        },
        { text: `Confidence: ${j.confidence}.`, margin: [12, 2, 0, 6] },
      );
    });
  }
  if (m.actors.length > 0) {
    out.push({ text: 'What the actors said', style: 'h2' });
    for (const a of m.actors) {
      out.push({ text: a.name, style: 'h3' });
      if (a.description) {
        out.push({
          text: [{ text: a.description, italics: true }, `, source reliability ${a.reliability}`],
        });
      }
      out.push({
        ul: a.points.map((p) => ({ text: [p.text, sup(p.note)] })),
        margin: [0, 2, 0, 4],
      });
    }
  }
  if (m.claims.length > 0) {
    out.push({ text: 'Claims', style: 'h2' });
    out.push({
      ul: m.claims.map((c) => ({
        text: [
          { text: c.text, bold: true },
          sup(c.note),
          ` — ${c.attribution} (`,
          { text: c.grade, bold: true },
          `, ${c.score === null ? 'no score' : `confidence ${c.score}`})`,
        ],
      })),
    });
  }
  if (m.sources.length > 0) {
    out.push({ text: 'Sources', style: 'h2' });
    out.push({
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto'],
        body: [
          [
            { text: 'Source', bold: true },
            { text: 'Kind', bold: true },
            { text: 'Reliability', bold: true },
          ],
          ...m.sources.map((s) => [s.name, s.kind, `${s.grade} — ${s.label}`]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  if (m.notes.length > 0) {
    out.push({ text: 'Notes', style: 'h2' });
    for (const n of m.notes) {
      out.push({
        text: [
          `${n.n}. “${n.quote}”, ${[n.speaker, n.outlet].filter(Boolean).join(', ')}, `,
          { text: n.document, italics: true },
          n.date ? `, ${n.date}` : '',
          n.url ? `, ${n.url}` : '',
          '.',
        ],
        style: 'notes',
      });
    }
  }
  return out;
}

export async function briefingToPdf(m: BriefingModel): Promise<Buffer> {
  configure();
  const definition: TDocumentDefinitions = {
    info: { title: m.title, author: m.author, creator: 'Claimdesk' },
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 64],
    header: m.marking ? { text: m.marking, style: 'marking', margin: [0, 24, 0, 0] } : undefined,
    footer: (page, pages) => ({
      columns: [
        { width: 40, text: '' },
        { width: '*', text: m.marking, style: 'marking' },
        { width: 40, text: `${page} / ${pages}`, alignment: 'right', fontSize: 8 },
      ],
      margin: [56, 20, 56, 0],
    }),
    content: body(m),
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      marking: { bold: true, alignment: 'center', fontSize: 9 },
      title: { fontSize: 20, bold: true, margin: [0, 8, 0, 4] },
      byline: { color: '#555555', margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
      notes: { fontSize: 9 },
    },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
