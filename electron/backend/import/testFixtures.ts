/**
 * Test fixtures built in memory, so that no binary file is committed: PDFs with pdf-lib, DOCX
 * with docx, and hand-assembled zips whose central directory can lie about sizes.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface PdfSpec {
  /** Pages of paragraphs of lines: pages[0][1][0] is page 1, paragraph 2, line 1. */
  pages: string[][][];
  title?: string;
  author?: string;
  creationDate?: Date;
}

/** A PDF with a real text layer in Helvetica (WinAnsi: Latin text only). */
export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  if (spec.title !== undefined) pdf.setTitle(spec.title);
  if (spec.author !== undefined) pdf.setAuthor(spec.author);
  if (spec.creationDate) pdf.setCreationDate(spec.creationDate);
  for (const paragraphs of spec.pages) {
    const page = pdf.addPage([595, 842]);
    let y = 780;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 50, y, size: 11, font });
        y -= 14; // leading 1.27: lines of one paragraph
      }
      y -= 14; // an empty line's worth between paragraphs
    }
  }
  return pdf.save({ useObjectStreams: false });
}

/** One page with a filled rectangle and no text: what a scan without OCR looks like to us. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
  return pdf.save({ useObjectStreams: false });
}

/**
 * A PDF whose trailer names a standard security handler with a user password we do not
 * know: O and U are arbitrary, so the empty password fails and pdf.js asks for one.
 */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  // latin1 maps bytes to chars one to one (TextDecoder's 'latin1' is windows-1252, which does not).
  const source = Buffer.from(await makePdf({ pages: [[['Secret']]] })).toString('latin1');
  const hex32 = 'AB'.repeat(32);
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -4 >>`;
  const id = `/ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
  const patched = source.replace(/trailer\s*<</, (match) => `${match}\n${encrypt}\n${id}\n`);
  if (patched === source) throw new Error('fixture: no trailer found');
  return new Uint8Array(Buffer.from(patched, 'latin1'));
}

export interface DocxSpec {
  paragraphs: string[];
  title?: string;
  creator?: string;
}

export async function makeDocx(spec: DocxSpec): Promise<Uint8Array> {
  const document = new Document({
    ...(spec.title !== undefined ? { title: spec.title } : {}),
    ...(spec.creator !== undefined ? { creator: spec.creator } : {}),
    sections: [
      { children: spec.paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export interface RawZipEntry {
  name: string;
  /** Bytes as stored: deflated when `deflate` is set. */
  stored: Uint8Array;
  deflate: boolean;
  /** What the directory claims; forge it to test the guard. */
  declaredSize: number;
  crc?: number;
}

export function deflatedEntry(
  name: string,
  content: Uint8Array,
  declaredSize = content.length,
): RawZipEntry {
  return {
    name,
    stored: deflateRawSync(content),
    deflate: true,
    declaredSize,
    crc: crc32(content),
  };
}

/** A zip assembled byte by byte (APPNOTE 4.3): local headers, central directory, end record. */
export function buildZip(entries: readonly RawZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.deflate ? 8 : 0;
    const crc = entry.crc ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.stored));
    centrals.push(central, name);
    offset += local.length + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
