/**
 * The name an exported file is offered under, from a case or note title. The title is the
 * analyst's free text, and the name reaches a save dialog or a browser download, so it is
 * made safe on every platform: no path separators (it must not name a folder), no control
 * characters, none of the characters Windows refuses, no leading dot (a hidden file), no
 * trailing dot or space (Windows drops them), no reserved device names, and a bounded length.
 */

/** Longest base name kept, in code points (file systems allow 255 bytes; leave room). */
export const MAX_BASE_LENGTH = 80;
/** And in UTF-8 bytes: 255 is the limit of ext4, APFS and NTFS, less room for an extension. */
export const MAX_BASE_BYTES = 200;

/**
 * Windows refuses a name whose part before the first dot, trailing spaces and dots dropped,
 * is a device name, whatever follows ("nul.txt case.csv", "aux .md"); the superscript digits
 * count as digits there too.
 */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const isWindowsDevice = (name: string) =>
  WINDOWS_DEVICES.test((name.split('.')[0] ?? '').replace(/[ .]+$/, ''));

/** Bytes of `text` in UTF-8 (shared/ has no TextEncoder: ES2022 only). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export function safeBaseName(title: string, fallback = 'case'): string {
  const cleaned = title
    .normalize('NFC')
    // Control and format characters (including bidi overrides that disguise an extension).
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[/\\<>:"|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  // Cut by code points so that an emoji is never split into a lone surrogate, and within
  // the byte limit (120 emoji are 480 bytes).
  const chars = [...cleaned].slice(0, MAX_BASE_LENGTH);
  while (chars.length > 0 && utf8Length(chars.join('')) > MAX_BASE_BYTES) chars.pop();
  const cut = chars.join('').replace(/[.\s]+$/, '');
  if (!cut) return fallback;
  return isWindowsDevice(cut) ? `_${cut}` : cut;
}

/** `title` made safe, plus `extension` (without its dot). */
export function exportFileName(title: string, extension: string, fallback = 'case'): string {
  return `${safeBaseName(title, fallback)}.${extension}`;
}
