/**
 * A briefing note as a real Word document (docx library): headings, a source table, and Word
 * footnotes that cite each claim's quote, speaker, outlet, document, date and URL. The
 * marking line is the header and footer of every page.
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
import type { BriefingModel } from '../../../shared/domain/briefingModel';

const sup = (n: number) => new TextRun({ text: String(n), superScript: true });

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
  const out: (Paragraph | Table)[] = [
    new Paragraph({ text: m.title, heading: HeadingLevel.TITLE }),
  ];
  const byline = [m.author, m.date].filter(Boolean).join(' · ');
  if (byline) out.push(new Paragraph({ children: [new TextRun({ text: byline, italics: true })] }));
  if (m.bluf) {
    out.push(new Paragraph({ text: 'Bottom line up front', heading: HeadingLevel.HEADING_1 }));
    out.push(new Paragraph(m.bluf));
  }
  if (m.judgments.length > 0) {
    out.push(new Paragraph({ text: 'Key judgments', heading: HeadingLevel.HEADING_1 }));
    m.judgments.forEach((j, i) => {
      out.push(
        new Paragraph({
          children: [
            new TextRun({ text: `${i + 1}. `, bold: true }),
            new TextRun(j.statement),
            ...(j.notes.length > 0
              ? [new TextRun({ text: j.notes.join(','), superScript: true })]
              : []),
            new TextRun(` Likelihood: ${j.likelihood} (${j.range}).`),
          ],
        }),
        // ICD 203: confidence in a sentence of its own.
        new Paragraph({
          children: [new TextRun(`Confidence: ${j.confidence}.`)],
          spacing: { after: 120 },
        }),
      );
    });
  }
  if (m.actors.length > 0) {
    out.push(new Paragraph({ text: 'What the actors said', heading: HeadingLevel.HEADING_1 }));
    for (const a of m.actors) {
      out.push(new Paragraph({ text: a.name, heading: HeadingLevel.HEADING_2 }));
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
          new Paragraph({ bullet: { level: 0 }, children: [new TextRun(p.text), sup(p.note)] }),
        );
      }
    }
  }
  if (m.claims.length > 0) {
    out.push(new Paragraph({ text: 'Claims', heading: HeadingLevel.HEADING_1 }));
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
            new TextRun(`, ${c.score === null ? 'no score' : `confidence ${c.score}`})`),
          ],
        }),
      );
    }
  }
  if (m.sources.length > 0) {
    out.push(new Paragraph({ text: 'Sources', heading: HeadingLevel.HEADING_1 }));
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
            children: [
              new TextRun(`“${n.quote}”, ${[n.speaker, n.outlet].filter(Boolean).join(', ')}, `),
              new TextRun({ text: n.document, italics: true }),
              new TextRun(`${n.date ? `, ${n.date}` : ''}${n.url ? `, ${n.url}` : ''}.`),
            ],
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
