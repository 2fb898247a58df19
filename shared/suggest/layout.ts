/**
 * Line breaks that are not paragraph breaks. Most stored texts put one paragraph on a line,
 * but text saved from e-mail, PDFs or wire feeds is often hard-wrapped at a fixed width:
 * there a single line break is a space, and only a blank line ends a paragraph. Such a text
 * is recognised by most of its lines running on without closing punctuation.
 */

const CLOSES = /[.!?:;"”’'»」』)\]…]$/u;

/** Indices of the "\n" characters that only wrap a line. */
export function softBreaks(text: string): Set<number> {
  const soft = new Set<number>();
  const lines: { start: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, text: text.slice(start, i).trim() });
      start = i + 1;
    }
  }
  let joined = 0;
  let runOn = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]?.text || !lines[i + 1]?.text) continue;
    joined++;
    if (!CLOSES.test(lines[i]?.text ?? '')) runOn++;
  }
  if (joined < 4 || runOn / joined < 0.5) return soft;
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = lines[i + 1];
    if (lines[i]?.text && next?.text) soft.add(next.start - 1);
  }
  return soft;
}
