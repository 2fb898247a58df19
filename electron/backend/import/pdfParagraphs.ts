/**
 * Joining the lines of a PDF paragraph into running text (issue 12), and words broken at a
 * line end. The rule for a line ending in a hyphen after a letter, the next starting with a
 * letter:
 *
 * - the next line starts with a capital ("Franco-" / "German"): a real hyphen, kept;
 * - the hyphenated word is written with its hyphen elsewhere in the document, inside a line
 *   ("well-known" there, "well-" / "known" here): a real hyphen, kept;
 * - otherwise the word was broken to fit the line ("abil-" / "ities"): the hyphen goes.
 *
 * Either way the two parts join with no space. A soft hyphen (U+00AD) at a line end always
 * goes. Other lines join with one space.
 */

const BROKEN = /(\p{L}+)[-\u2010]$/u;
const SOFT = /\u00AD$/u;
const FIRST_WORD = /^\p{L}+/u;
const HYPHENATED = /\p{L}+(?:[-\u2010]\p{L}+)+/gu;

/** Pairs "a-b" written with a hyphen inside a line anywhere in `paragraphs`, lower-cased. */
export function hyphenatedWords(paragraphs: readonly (readonly string[])[]): Set<string> {
  const found = new Set<string>();
  for (const lines of paragraphs) {
    for (const line of lines) {
      for (const [compound] of line.matchAll(HYPHENATED)) {
        const parts = compound.toLocaleLowerCase().split(/[-\u2010]/u);
        for (let i = 1; i < parts.length; i++) found.add(`${parts[i - 1]}-${parts[i]}`);
      }
    }
  }
  return found;
}

/** The lines of one paragraph as running text. */
export function joinLines(lines: readonly string[], hyphenated: ReadonlySet<string>): string {
  let text = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    const broken = BROKEN.exec(text);
    const next = FIRST_WORD.exec(line)?.[0];
    if (SOFT.test(text)) {
      text = text.slice(0, -1) + line;
    } else if (broken && next) {
      const first = next[0] ?? '';
      const capital = first !== first.toLocaleLowerCase();
      const pair = `${(broken[1] ?? '').toLocaleLowerCase()}-${next.toLocaleLowerCase()}`;
      const keep = capital || hyphenated.has(pair);
      text = (keep ? text : text.slice(0, -1)) + line;
    } else {
      text = `${text} ${line}`;
    }
  }
  return text;
}

/** Pages of paragraphs of lines, as the document's text: paragraphs and pages "\n\n" apart. */
export function pdfText(pages: readonly (readonly (readonly string[])[])[]): string {
  const hyphenated = hyphenatedWords(pages.flat());
  return pages
    .flat()
    .map((lines) => joinLines(lines, hyphenated))
    .join('\n\n');
}
