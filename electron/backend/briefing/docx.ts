/**
 * A briefing note as a real Word document (docx library): headings kept with what follows,
 * a source table, and Word footnotes that cite each claim's quote, speaker and chain,
 * document, dates said, reported and retrieved, and URL. Each key judgment says which notes
 * are evidence for it and which against (issue 11). The marking line is the header and
 * footer of every page.
 */
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { evidenceSegments, noteCitation } from '../../../shared/briefing/citation';
import type { BriefingModel } from '../../../shared/domain/briefingModel';
import { ANALYTIC_CONFIDENCE_LABEL, claimScoreText } from '../../../shared/domain/labels';

/** A note reference in the running text: "[3]" at full size, bold, not a tiny superscript. */
const ref = (n: number) => new TextRun({ text: `[${n}]`, bold: true });

/** A heading that Word keeps on the page of the paragraph after it. */
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level, keepNext: true });

const marking = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true })] });

function sourceTable(m: BriefingModel): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell('Source', true), cell('Kind', true), cell('Reliability', true)],
      }),
      ...m.sources.map(
        (s) =>
          new TableRow({ children: [cell(s.name), cell(s.kind), cell(`${s.grade} — ${s.label}`)] }),
      ),
    ],
  });
}

function body(m: BriefingModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(m.title, HeadingLevel.TITLE)];
  const byline = [m.author, m.date].filter(Boolean).join(' · ');
  if (byline) out.push(new Paragraph({ children: [new TextRun({ text: byline, italics: true })] }));
  if (m.bluf) {
    out.push(heading('Bottom line up front', HeadingLevel.HEADING_1));
    out.push(new Paragraph(m.bluf));
  }
  if (m.judgments.length > 0) {
    out.push(heading('Key judgments', HeadingLevel.HEADING_1));
    m.judgments.forEach((j, i) => {
      out.push(
        new Paragraph({
          children: [
            new TextRun({ text: `${i + 1}. `, bold: true }),
            new TextRun(j.statement),
            new TextRun(` Likelihood: ${j.likelihood} (${j.range}).`),
          ],
        }),
        // ICD 203: confidence in a sentence of its own.
        new Paragraph({
          children: [new TextRun(`${ANALYTIC_CONFIDENCE_LABEL}: ${j.confidence}.`)],
        }),
        new Paragraph({
          children: evidenceSegments(j).map((s) =>
            'note' in s ? ref(s.note) : new TextRun(s.text),
          ),
          spacing: { after: 120 },
        }),
      );
    });
  }
  if (m.actors.length > 0) {
    out.push(heading('What the actors said', HeadingLevel.HEADING_1));
    for (const a of m.actors) {
      out.push(heading(a.name, HeadingLevel.HEADING_2));
      if (a.description) {
        out.push(
          new Paragraph({
            children: [
              new TextRun({ text: a.description, italics: true }),
              new TextRun(`, source reliability ${a.reliability}`),
            ],
          }),
        );
      }
      for (const p of a.points) {
        out.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun(`${p.text} `), ref(p.note)],
          }),
        );
      }
    }
  }
  if (m.claims.length > 0) {
    out.push(heading('Claims', HeadingLevel.HEADING_1));
    for (const c of m.claims) {
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: c.text, bold: true }),
            // The Word footnote itself, numbered by Word in the claims' order.
            new FootnoteReferenceRun(c.note),
            new TextRun(` — ${c.attribution} (`),
            new TextRun({ text: c.grade, bold: true }),
            new TextRun(`, ${claimScoreText(c.score)})`),
          ],
        }),
      );
    }
  }
  if (m.sources.length > 0) {
    out.push(heading('Sources', HeadingLevel.HEADING_1));
    out.push(sourceTable(m));
  }
  return out;
}

export async function briefingToDocx(m: BriefingModel): Promise<Buffer> {
  const footnotes = Object.fromEntries(
    m.notes.map((n) => [
      n.n,
      {
        children: [
          new Paragraph({
            children: noteCitation(n).flatMap((p, i, all) => [
              new TextRun({ text: p.text, italics: p.italic === true }),
              new TextRun(i < all.length - 1 ? ', ' : '.'),
            ]),
          }),
        ],
      },
    ]),
  );
  const doc = new Document({
    title: m.title,
    creator: m.author || 'Claimdesk',
    description: 'Briefing note',
    footnotes,
    sections: [
      {
        headers: m.marking
          ? { default: new Header({ children: [marking(m.marking)] }) }
          : undefined,
        footers: m.marking
          ? { default: new Footer({ children: [marking(m.marking)] }) }
          : undefined,
        children: body(m),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
