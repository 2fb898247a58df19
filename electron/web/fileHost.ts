/**
 * The web host's file side for one open backend: uploads stream into the backend's upload
 * area, downloads serve a finished export job's file. Kept apart from host.ts so that the
 * server tests wire a backend exactly as the host does.
 */
import type { HandlerContext } from '../backend/handlers/context';
import type { FileHost } from './server';

export function fileHostFor(ctx: HandlerContext): FileHost {
  return {
    upload: (fileName, body, limit) => ctx.uploads.receive(fileName, body, limit),
    download: (jobId, key) => {
      const found = ctx.jobs.file(jobId, key);
      return found && { path: found.path, ...found.file };
    },
  };
}
