/**
 * What the import dialog shows before the analyst edits anything: the file's own metadata,
 * and, for a new version of a document, the earlier version's source details wherever the
 * file has none (issue 12: a plain-text file names no outlet, URL or date, and a new
 * version of it must not lose the ones the analyst entered the first time).
 */
import type { ClaimDocument } from '../../../shared/domain/schemas';
import type { ExtractedFile } from '../../../shared/contract/channels';
import type { DocumentMeta } from './DocumentMetaFields';

/** The file's name without its extension: the title of last resort. */
const stem = (fileName: string): string => fileName.replace(/\.[^.]+$/, '');

export function prefilledMeta(
  extracted: ExtractedFile['meta'],
  fileName: string,
  previous: ClaimDocument | null,
  today: string,
): DocumentMeta {
  const pick = (own: string, earlier: string | undefined) => own || earlier || '';
  return {
    title: pick(extracted.title, previous?.title) || stem(fileName),
    outlet: pick(extracted.outlet, previous?.outlet),
    author: pick(extracted.author, previous?.author),
    url: pick(extracted.url, previous?.url),
    publishedAt: pick(extracted.publishedAt, previous?.publishedAt),
    // Retrieved is when this file was had, not the earlier one.
    retrievedAt: today,
  };
}
