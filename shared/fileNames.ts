/**
 * File names made from user text (a case or note title). The name can never name another
 * folder: separators, "..", control and reserved characters go, as do leading dots and
 * names Windows reserves; what is left is cut to a sensible length.
 */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function safeFileName(title: string, extension: string, fallback = 'claimdesk'): string {
  let base = title
    .normalize('NFC')
    // Control characters, path separators and characters Windows forbids in names.
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if ([...base].length > 80) base = [...base].slice(0, 80).join('').trim();
  if (!base || RESERVED.test(base) || /^\.+$/.test(base)) base = fallback;
  return `${base}.${extension}`;
}
