/**
 * Files to import, made by the test itself (no binary is committed): HTML pages as strings,
 * PDFs with pdf-lib and Word documents with the docx package, written to the test's output
 * folder so that they are picked the way a user picks a file.
 */
import { writeFile } from 'node:fs/promises';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Writes `bytes` (or text as UTF-8) to `filePath` and returns the path. */
export async function writeFixture(
  filePath: string,
  content: Uint8Array | string,
): Promise<string> {
  await writeFile(filePath, typeof content === 'string' ? utf8(content) : content);
  return filePath;
}

export interface ArticleSpec {
  title: string;
  outlet: string;
  author: string;
  url: string;
  /** As an ISO timestamp, with the writer's offset. */
  publishedTime: string;
  paragraphs: readonly string[];
}

/** A news page as sites serve them: meta tags, navigation, scripts, the article, a footer. */
export function newsPage(spec: ArticleSpec): string {
  return `<!DOCTYPE html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>${spec.title} | ${spec.outlet}</title>
  <meta property="og:title" content="${spec.title}">
  <meta property="og:site_name" content="${spec.outlet}">
  <meta name="author" content="${spec.author}">
  <meta property="article:published_time" content="${spec.publishedTime}">
  <link rel="canonical" href="${spec.url}">
  <script>window.analyticsQueue = ['page-view-tracker'];</script>
</head><body>
  <header><nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/subscribe">Subscribe now</a></li>
  </ul></nav></header>
  <article>
    <h1>${spec.title}</h1>
    ${spec.paragraphs.map((p) => `<p>${p}</p>`).join('\n    ')}
  </article>
  <aside><h3>Most read</h3><ul><li><a href="/x">Celebrity chef opens bistro</a></li></ul></aside>
  <footer><p>© 2025 ${spec.outlet}. All rights reserved. Cookie settings.</p></footer>
  <script>document.body.dataset.loaded = 'late-script-ran';</script>
</body></html>`;
}

export interface PdfSpec {
  title?: string;
  author?: string;
  /** Paragraphs of lines, on one page. */
  paragraphs: readonly (readonly string[])[];
}

/** A one-page PDF with a real text layer in Helvetica (Latin text only). */
export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  if (spec.title !== undefined) pdf.setTitle(spec.title);
  if (spec.author !== undefined) pdf.setAuthor(spec.author);
  const page = pdf.addPage([595, 842]);
  let y = 780;
  for (const lines of spec.paragraphs) {
    for (const line of lines) {
      page.drawText(line, { x: 50, y, size: 11, font });
      y -= 14;
    }
    y -= 14;
  }
  return pdf.save({ useObjectStreams: false });
}

/** A page with a filled rectangle and no text: a scan without OCR. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
  return pdf.save({ useObjectStreams: false });
}

export async function makeDocx(spec: { title?: string; paragraphs: readonly string[] }) {
  const document = new Document({
    ...(spec.title !== undefined ? { title: spec.title } : {}),
    sections: [
      { children: spec.paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
