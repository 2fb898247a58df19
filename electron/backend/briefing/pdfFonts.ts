/**
 * The fonts a PDF briefing embeds (issue 11): every character the UI shows must print.
 * - DejaVu Sans (Bitstream Vera licence, free to embed and ship; npm `dejavu-fonts-ttf`,
 *   2.7 MB for four styles) covers Latin with its accents, Greek, Cyrillic ("Захарова"),
 *   arrows (→ ←), typographic quotes (“ ” ‘ ’ « ») and dashes. Roboto, used before,
 *   has no arrows: every attribution chain printed a missing-glyph box.
 * - Noto Sans SC Regular (SIL OFL 1.1; npm `@expo-google-fonts/noto-sans-sc`, 10.5 MB)
 *   is the fallback for Chinese and Japanese kana. It is the largest file the app ships;
 *   one weight only, so CJK in bold or italics prints regular. Hangul is not in it.
 * Text is cut into runs by which font has each character; a character neither has is
 * listed in a notice printed in the note, never silently boxed.
 * In a build the files sit in dist/fonts (copied by scripts/build.mjs under the names
 * below); in development they are read from node_modules.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

export const FONT_FILES = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
} as const;
export const CJK_FILE = 'NotoSansSC-Regular.ttf';

export interface PdfFonts {
  main: Record<keyof typeof FONT_FILES, string>;
  /** The CJK fallback, or null where it is missing (then CJK gets the notice). */
  cjk: string | null;
}

/** Where the fonts may be: each place with the file names it uses. */
function places(): { dir: string; cjk: string }[] {
  const modules = path.resolve('node_modules');
  return [
    ...(process.env.CLAIMDESK_FONTS_DIR
      ? [
          {
            dir: process.env.CLAIMDESK_FONTS_DIR,
            cjk: path.join(process.env.CLAIMDESK_FONTS_DIR, CJK_FILE),
          },
        ]
      : []),
    {
      dir: path.join(__dirname, '..', 'fonts'),
      cjk: path.join(__dirname, '..', 'fonts', CJK_FILE),
    },
    {
      dir: path.join(modules, 'dejavu-fonts-ttf', 'ttf'),
      cjk: path.join(
        modules,
        '@expo-google-fonts',
        'noto-sans-sc',
        '400Regular',
        'NotoSansSC_400Regular.ttf',
      ),
    },
  ];
}

export function findPdfFonts(): PdfFonts {
  const all = places();
  const found = all.find((p) => existsSync(path.join(p.dir, FONT_FILES.normal)));
  if (!found) {
    throw new Error(`The PDF fonts are missing (looked in ${all.map((p) => p.dir).join(', ')}).`);
  }
  const file = (name: string) => path.join(found.dir, name);
  return {
    main: {
      normal: file(FONT_FILES.normal),
      bold: file(FONT_FILES.bold),
      italics: file(FONT_FILES.italics),
      bolditalics: file(FONT_FILES.bolditalics),
    },
    cjk: all.map((p) => p.cjk).find((f) => existsSync(f)) ?? null,
  };
}

/** Whether a font file has a glyph for a code point. */
export type Coverage = (codePoint: number) => boolean;

export function coverageOf(file: string | null): Coverage {
  if (file === null) return () => false;
  const font = fontkit.openSync(file);
  if (!('hasGlyphForCodePoint' in font)) return () => false;
  const cache = new Map<number, boolean>();
  return (cp) => {
    let has = cache.get(cp);
    if (has === undefined) {
      has = font.hasGlyphForCodePoint(cp);
      cache.set(cp, has);
    }
    return has;
  };
}

export interface FontRun {
  text: string;
  /** Set in the CJK fallback rather than the main font. */
  fallback: boolean;
}

/** Characters that need no glyph of their own: spaces, joiners, line breaks. */
const INVISIBLE = /[\s\u200b-\u200f\u2060\ufeff]/u;

/**
 * Cuts text into runs of the main font and of the fallback, and collects the characters
 * neither font has (they stay in the main font, in the text layer, and get the notice).
 */
export function fontRuns(
  text: string,
  main: Coverage,
  fallback: Coverage,
  missing: Set<string>,
): FontRun[] {
  const runs: FontRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    let inFallback = false;
    if (!INVISIBLE.test(ch) && !main(cp)) {
      if (fallback(cp)) inFallback = true;
      else missing.add(ch);
    }
    const last = runs[runs.length - 1];
    // Spaces join the run they are in, so a CJK name keeps one run.
    if (last && (last.fallback === inFallback || INVISIBLE.test(ch))) last.text += ch;
    else runs.push({ text: ch, fallback: inFallback });
  }
  return runs;
}

/** The notice printed where some characters have no glyph in the embedded fonts. */
export function missingGlyphsNotice(missing: ReadonlySet<string>): string | null {
  if (missing.size === 0) return null;
  // Code points, not the characters: printed, they would be boxes too.
  const codes = [...missing]
    .slice(0, 20)
    .map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  const more = missing.size > 20 ? ` and ${missing.size - 20} more` : '';
  return `Note on this PDF: ${missing.size === 1 ? 'one character has' : `${missing.size} characters have`} no glyph in the fonts it embeds (${codes.join(', ')}${more}) and ${missing.size === 1 ? 'prints as an empty box' : 'print as empty boxes'}. The DOCX, HTML and Markdown exports show them with the reader’s own fonts.`;
}
