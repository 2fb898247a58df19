/** The bytes of a file a call sends: an upload by id, or base64 inline (for scripts). */
import { formatBytes } from '../../../shared/contract/limits';
import { CallFailure } from '../../../shared/contract/result';
import type { HandlerContext } from './context';

export async function fileBytes(
  ctx: HandlerContext,
  source: { fileName: string; uploadId?: string; dataBase64?: string },
  limit: number,
): Promise<Uint8Array> {
  const bytes = source.uploadId
    ? await ctx.uploads.take(source.uploadId)
    : new Uint8Array(Buffer.from(source.dataBase64 ?? '', 'base64'));
  if (bytes.length > limit) {
    throw new CallFailure(
      'invalid_input',
      `“${source.fileName}” is larger than ${formatBytes(limit)}, the most Claimdesk takes in one file. Nothing was imported.`,
      'file',
    );
  }
  return bytes;
}
