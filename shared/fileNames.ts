/**
 * The name an exported file is offered under, from a case or note title. The title is the
 * analyst's free text, and the name reaches a save dialog or a browser download, so it is
 * made safe on every platform: no path separators (it must not name a folder), no control
 * characters, none of the characters Windows refuses, no leading dot (a hidden file), no
 * trailing dot or space (Windows drops them), no reserved device names, and a bounded length.
 */

/** Longest base name kept, in code points (file systems allow 255 bytes; leave room). */
export const MAX_BASE_LENGTH = 80;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function safeBaseName(title: string, fallback = 'case'): string {
  const cleaned = title
    .normalize('NFC')
    // Control and format characters (including bidi overrides that disguise an extension).
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[/\\<>:"|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  // Cut by code points so that an emoji is never split into a lone surrogate.
  const cut = [...cleaned]
    .slice(0, MAX_BASE_LENGTH)
    .join('')
    .replace(/[.\s]+$/, '');
  if (!cut) return fallback;
  return WINDOWS_RESERVED.test(cut) ? `${cut} ${fallback}` : cut;
}

/** `title` made safe, plus `extension` (without its dot). */
export function exportFileName(title: string, extension: string, fallback = 'case'): string {
  return `${safeBaseName(title, fallback)}.${extension}`;
}
