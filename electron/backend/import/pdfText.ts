/**
 * A PDF page's text layer is a list of positioned runs, not paragraphs. We rebuild lines from
 * pdf.js's end-of-line marks and start a new paragraph where the vertical gap between two
 * lines is clearly larger than the line spacing, or where the text jumps back up the page
 * (a new column). Line breaks inside a paragraph are kept: they are what the page shows.
 */

/** The fields of a pdf.js text item we read; marked-content items have no `str`. */
export interface PdfTextItem {
  str: string;
  transform: readonly unknown[];
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
  fontSize: number;
}

/** Normal leading is about 1.2 times the font size; a paragraph gap adds at least half a line. */
const PARAGRAPH_GAP = 1.6;

function numberAt(values: readonly unknown[], index: number): number {
  const value = values[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function isTextItem<T extends object>(item: T): item is T & PdfTextItem {
  return 'str' in item && typeof item.str === 'string' && 'transform' in item;
}

function toLines(items: readonly PdfTextItem[]): (Line | null)[] {
  const lines: (Line | null)[] = [];
  let parts: string[] = [];
  let y = 0;
  let fontSize = 0;
  const flush = () => {
    const text = parts.join('').replace(/\s+/g, ' ').trim();
    // An empty line is kept as null: pdf.js emits one where the page left a blank line.
    lines.push(text ? { text, y, fontSize } : null);
    parts = [];
    fontSize = 0;
  };
  for (const item of items) {
    if (item.str) {
      const size = Math.hypot(numberAt(item.transform, 2), numberAt(item.transform, 3));
      if (parts.length === 0) y = numberAt(item.transform, 5);
      fontSize = Math.max(fontSize, size || item.height);
      parts.push(item.str);
    }
    if (item.hasEOL) flush();
  }
  if (parts.length > 0) flush();
  return lines;
}

function startsParagraph(previous: Line, line: Line): boolean {
  const size = Math.max(previous.fontSize, line.fontSize);
  if (size <= 0) return false;
  const drop = previous.y - line.y;
  return drop > PARAGRAPH_GAP * size || drop < -size;
}

/** One page's text: lines joined by "\n", paragraphs by "\n\n"; '' when it has no text layer. */
export function pageText(items: readonly PdfTextItem[]): string {
  const out: string[] = [];
  let previous: Line | null = null;
  let blank = false;
  for (const line of toLines(items)) {
    if (line === null) {
      blank = true;
      continue;
    }
    if (previous) out.push(blank || startsParagraph(previous, line) ? '\n\n' : '\n');
    out.push(line.text);
    previous = line;
    blank = false;
  }
  return out.join('');
}
