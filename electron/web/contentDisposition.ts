/**
 * `Content-Disposition: attachment` for a download, with the file's name as RFC 6266 says:
 * an ASCII fallback for old clients and the UTF-8 name in `filename*` (RFC 8187), so a case
 * titled in Cyrillic downloads under its own name.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
