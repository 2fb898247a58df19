/**
 * Document import: file bytes in, the reader's plain text and the source's metadata out.
 * The entry point for the backend's import handler; it never touches the file system or the
 * network, and never runs anything from the document. Each format's parser is loaded on first
 * use, so that opening the app does not pay for pdf.js, mammoth and linkedom.
 *
 * Every refusal is an `ImportError` whose reason tells the analyst what to do; anything else a
 * parser throws is wrapped into one, so callers handle a single error type.
 */
import { requireFormat } from './format';
import { extractPlainText } from './plainText';
import { checkInputSize, describeError } from './text';
import { ImportError, type ExtractedDocument, type SourceFormat } from './types';

export { SUPPORTED_EXTENSIONS, formatFromFileName } from './format';
export {
  ImportError,
  MAX_IMPORT_BYTES,
  MAX_TEXT_LENGTH,
  type DocumentMeta,
  type ExtractedDocument,
  type SourceFormat,
} from './types';

export interface ImportInput {
  /** The name the user picked; only its extension is used, and it labels errors. */
  fileName: string;
  bytes: Uint8Array;
}

async function extractAs(
  format: SourceFormat,
  fileName: string,
  bytes: Uint8Array,
): Promise<ExtractedDocument> {
  switch (format) {
    case 'txt':
    case 'md':
      return extractPlainText(fileName, bytes, format);
    case 'html': {
      const { extractHtml } = await import('./html');
      return extractHtml(fileName, bytes);
    }
    case 'pdf': {
      const { extractPdf } = await import('./pdf');
      return extractPdf(fileName, bytes);
    }
    case 'docx': {
      const { extractDocx } = await import('./docx');
      return extractDocx(fileName, bytes);
    }
  }
}

export async function extractDocument(input: ImportInput): Promise<ExtractedDocument> {
  const { fileName, bytes } = input;
  const format = requireFormat(fileName);
  checkInputSize(fileName, bytes.byteLength);
  try {
    return await extractAs(format, fileName, bytes);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      fileName,
      `Claimdesk could not read this file (${describeError(error)}). ` +
        'Check that it opens in its usual application, then try again.',
    );
  }
}
