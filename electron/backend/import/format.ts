/**
 * Which extractor a file goes to, and whether its bytes agree with its name. The extension
 * decides (it is what the analyst chose in the file dialog); the content only confirms it,
 * so that a renamed binary never reaches a text or XML parser.
 */
import { ImportError, type SourceFormat } from './types';

/** Extensions Claimdesk imports, lower-case, in the order the refusal message lists them. */
export const SUPPORTED_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.pdf',
  '.docx',
] as const;

type Extension = (typeof SUPPORTED_EXTENSIONS)[number];

const FORMAT_BY_EXTENSION: Readonly<Record<Extension, SourceFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

function isSupported(extension: string): extension is Extension {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extension);
}

function extensionOf(fileName: string): string {
  // Both separators: the name may come from a Windows path even when we run elsewhere.
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The format a file name asks for, or null when Claimdesk cannot import that extension. */
export function formatFromFileName(fileName: string): SourceFormat | null {
  const extension = extensionOf(fileName);
  return isSupported(extension) ? FORMAT_BY_EXTENSION[extension] : null;
}

/** Like `formatFromFileName`, but refuses with a sentence that lists what would work. */
export function requireFormat(fileName: string): SourceFormat {
  const format = formatFromFileName(fileName);
  if (format) return format;
  const extension = extensionOf(fileName);
  const what = extension ? `${extension} files` : 'files without an extension';
  throw new ImportError(
    fileName,
    `Claimdesk cannot import ${what}. Supported formats: ${SUPPORTED_EXTENSIONS.join(', ')}.`,
  );
}

export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04, a local file header
export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE compound file

/** Refuses a .pdf that is not one; DOCX signatures are checked in docx.ts, which knows more. */
export function verifyPdfSignature(fileName: string, bytes: Uint8Array): void {
  if (startsWith(bytes, PDF_SIGNATURE)) return;
  throw new ImportError(
    fileName,
    'This file is named .pdf but is not a PDF (it does not start with "%PDF-"). ' +
      'Check that the download finished, or give the file the extension of its real format.',
  );
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Text of a .txt, .md or .html file. Only UTF-8 is accepted: guessing a legacy code page
 * would silently change the quotes analysts anchor claims to, so we refuse instead.
 */
export function decodeUtf8(fileName: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) {
    throw new ImportError(
      fileName,
      'This file contains binary data (NUL bytes), so it is not a text file. ' +
        'Import the original document instead.',
    );
  }
  const body = startsWith(bytes, BOM) ? bytes.subarray(BOM.length) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new ImportError(
      fileName,
      'This file is not valid UTF-8 text (it may be binary, or saved in a legacy encoding). ' +
        'Save it as UTF-8 and import it again.',
    );
  }
}
