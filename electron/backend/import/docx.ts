/**
 * Word documents: mammoth reads the body text (paragraphs end in a blank line), JSZip the core
 * properties. A DOCX is a zip, so it passes the zip-bomb guard before either inflates a byte.
 * Password protection turns a DOCX into an OLE compound file, which we recognise and name.
 */
import type JSZip from 'jszip';
import { CFB_SIGNATURE, ZIP_SIGNATURE, startsWith } from './format';
import { readCoreProperties } from './docxMeta';
import { collapseBlankLines, describeError, finishText } from './text';
import { ImportError, type ExtractedDocument } from './types';
import { checkDeclaredSizes, checkEntryCount, verifyInflatedSizes } from './zipGuard';

function unreadable(fileName: string, error: unknown): ImportError {
  return new ImportError(
    fileName,
    `This is not a readable Word document (${describeError(error)}). ` +
      'Open it in Word or LibreOffice, save it again as .docx, and import the new copy.',
  );
}

/** UTF-16LE, as stream names are stored in a compound file's directory. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from(text, 'utf16le'),
  );
}

/**
 * An encrypted DOCX is an OLE compound file holding an "EncryptedPackage" stream. So is a
 * Word 97-2003 .doc renamed to .docx, which holds a "WordDocument" stream instead; we tell
 * the two apart only when that stream is present, and otherwise assume encryption.
 */
function checkSignature(fileName: string, bytes: Uint8Array): void {
  if (startsWith(bytes, ZIP_SIGNATURE)) return;
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (containsUtf16(bytes, 'WordDocument') && !containsUtf16(bytes, 'EncryptedPackage')) {
      throw new ImportError(
        fileName,
        'This is an older Word (.doc) file with a .docx name; open it in Word and save it as .docx.',
      );
    }
    throw new ImportError(
      fileName,
      'This document is password-protected; save an unprotected copy and import that.',
    );
  }
  throw unreadable(fileName, new Error('it is not a zip archive'));
}

/** The archive's directory, read without inflating anything. */
async function openZip(fileName: string, bytes: Uint8Array): Promise<JSZip> {
  const { default: jszip } = await import('jszip');
  try {
    return await jszip.loadAsync(bytes);
  } catch (error) {
    throw unreadable(fileName, error);
  }
}

export async function extractDocx(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  checkSignature(fileName, bytes);
  checkEntryCount(fileName, bytes);

  const zip = await openZip(fileName, bytes);
  await verifyInflatedSizes(fileName, checkDeclaredSizes(fileName, zip));

  const { default: mammoth } = await import('mammoth');
  let raw: string;
  try {
    // mammoth reads only the parts it needs, and never external files (externalFileAccess is off).
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    raw = result.value;
  } catch (error) {
    throw unreadable(fileName, error);
  }
  return {
    format: 'docx',
    text: finishText(fileName, collapseBlankLines(raw)),
    meta: await readCoreProperties(zip),
    warnings: [],
  };
}
