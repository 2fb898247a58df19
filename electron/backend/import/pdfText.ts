/**
 * A PDF page's text layer is a list of positioned runs, not paragraphs (issue 12: a quote
 * copied from the PDF did not match the stored text, and search failed across a line break).
 * We rebuild it in three steps:
 *
 * 1. Lines: runs are joined until pdf.js marks an end of line, the baseline moves, or a wide
 *    horizontal gap opens (a column gutter on a page drawn row by row across the columns).
 * 2. Columns: when every line sits either left or right of one x position (full-width lines
 *    above them, a headline say, excepted), the left column is read first, then the right.
 * 3. Paragraphs: a new one starts at a blank line or where the vertical gap is clearly larger
 *    than the line spacing. Inside a paragraph, lines are joined by a space (see joinLines in
 *    pdfParagraphs.ts for words broken at a line end). From one column to the next, the
 *    paragraph goes on unless the line before ended a sentence.
 */

/** The fields of a pdf.js text item we read; marked-content items have no `str`. */
export interface PdfTextItem {
  str: string;
  transform: readonly unknown[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  /** Left and right ends, and baseline, in PDF units (y from the bottom of the page). */
  x: number;
  end: number;
  y: number;
  fontSize: number;
  /** A blank line stood before it. */
  blankBefore: boolean;
}

/** Normal leading is about 1.2 times the font size; a paragraph gap adds at least half a line. */
const PARAGRAPH_GAP = 1.6;
/** A horizontal gap this many font sizes wide is a column gutter, not a space. */
const GUTTER = 1.5;
/** Columns are at least this many font sizes apart at their left edges. */
const MIN_COLUMN_WIDTH = 6;
/** Ends of sentences (with closing quote marks and brackets after them). */
const SENTENCE_END = /[.!?:;][)\]"'”’»]*$/u;

function numberAt(values: readonly unknown[], index: number): number {
  const value = values[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function isTextItem<T extends object>(item: T): item is T & PdfTextItem {
  return 'str' in item && typeof item.str === 'string' && 'transform' in item;
}

function toLines(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let blank = false;
  const flush = () => {
    if (current) {
      const text = current.text.replace(/\s+/g, ' ').trim();
      if (text) lines.push({ ...current, text });
    } else {
      // pdf.js ends an empty line where the page left a blank one.
      blank = true;
    }
    current = null;
  };
  for (const item of items) {
    if (item.str) {
      const x = numberAt(item.transform, 4);
      const y = numberAt(item.transform, 5);
      const size =
        Math.hypot(numberAt(item.transform, 2), numberAt(item.transform, 3)) || item.height;
      const width = Number.isFinite(item.width) ? item.width : 0;
      // pdf.js fills a gap on a baseline with one wide space: over a gutter, the line ends.
      if (!item.str.trim() && width > GUTTER * size) {
        if (current) flush();
        continue;
      }
      const line: Line | null = current;
      if (line) {
        const scale = Math.max(size, line.fontSize, 1);
        const gap = x - line.end;
        if (Math.abs(y - line.y) > scale / 2 || gap > GUTTER * scale || gap < -scale) flush();
      }
      const open: Line | null = current;
      if (open) {
        const spaced =
          x - open.end > 0.15 * size && !/\s$/.test(open.text) && !/^\s/.test(item.str);
        open.text += (spaced ? ' ' : '') + item.str;
        open.end = Math.max(open.end, x + width);
        open.fontSize = Math.max(open.fontSize, size);
      } else {
        current = { text: item.str, x, end: x + width, y, fontSize: size, blankBefore: blank };
        blank = false;
      }
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** The x where a second column starts, or null for a page of one column. */
function columnStart(lines: readonly Line[]): number | null {
  const size = Math.max(...lines.map((l) => l.fontSize), 1);
  const left = Math.min(...lines.map((l) => l.x));
  const starts = [...new Set(lines.map((l) => Math.round(l.x)))].sort((a, b) => a - b);
  for (const split of starts) {
    if (split < left + MIN_COLUMN_WIDTH * size) continue;
    const inLeft = lines.filter((l) => l.end <= split);
    const inRight = lines.filter((l) => l.x >= split - 1);
    const spanning = lines.filter((l) => l.end > split && l.x < split - 1);
    const top = Math.max(...[...inLeft, ...inRight].map((l) => l.y));
    if (inLeft.length >= 2 && inRight.length >= 2 && spanning.every((l) => l.y > top)) {
      return split;
    }
  }
  return null;
}

const topDown = (a: Line, b: Line) => b.y - a.y;

/** Lines in reading order, and where each column starts. */
function readingOrder(lines: readonly Line[]): { lines: Line[]; columnStarts: Set<Line> } {
  const split = lines.length >= 4 ? columnStart(lines) : null;
  if (split === null) return { lines: [...lines], columnStarts: new Set() };
  const spanning = lines.filter((l) => l.end > split && l.x < split - 1).sort(topDown);
  const left = lines.filter((l) => l.end <= split).sort(topDown);
  const right = lines.filter((l) => l.x >= split - 1).sort(topDown);
  return {
    lines: [...spanning, ...left, ...right],
    columnStarts: new Set([left[0], right[0]].filter((l) => l !== undefined)),
  };
}

function startsParagraph(previous: Line, line: Line, newColumn: boolean): boolean {
  if (line.blankBefore) return true;
  if (newColumn) return SENTENCE_END.test(previous.text);
  const size = Math.max(previous.fontSize, line.fontSize);
  if (size <= 0) return false;
  const drop = previous.y - line.y;
  return drop > PARAGRAPH_GAP * size || drop < -size;
}

/** One page's paragraphs, each a list of its lines; [] when the page has no text layer. */
export function pageParagraphs(items: readonly PdfTextItem[]): string[][] {
  const { lines, columnStarts } = readingOrder(toLines(items));
  const paragraphs: string[][] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const last = paragraphs.at(-1);
    if (!last || (previous && startsParagraph(previous, line, columnStarts.has(line)))) {
      paragraphs.push([line.text]);
    } else {
      last.push(line.text);
    }
    previous = line;
  }
  return paragraphs;
}
