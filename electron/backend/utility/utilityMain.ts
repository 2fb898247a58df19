/**
 * The backend in Electron's utility process: plain Node (no `electron` import; Electron
 * gives this process `process.parentPort`). It opens the session on the data folder, then
 * answers main's requests (protocol.ts) one message at a time, never blocking main.
 */
import { MAX_CASE_FILE_BYTES, MAX_IMPORT_BYTES } from '../../../shared/contract/limits';
import { openBackendSession, type BackendSession } from '../session';
import { TooLargeError } from '../uploads';
import { argvToArgs, type BackendReply, type BackendRequest } from './protocol';

/** What Electron gives a utility process to talk to its parent. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  once(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: BackendReply): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;

async function answer(session: BackendSession, request: BackendRequest): Promise<BackendReply> {
  switch (request.kind) {
    case 'start':
      // Only the first message may start the backend; a later one changes nothing.
      return {
        id: request.id,
        kind: 'result',
        result: {
          ok: false,
          error: { code: 'conflict', message: 'The backend has started already.' },
        },
      };
    case 'call':
      return {
        id: request.id,
        kind: 'result',
        result: await session.dispatch(request.channel, request.input),
      };
    case 'upload': {
      const uploads = session.backend?.ctx.uploads;
      if (!uploads)
        return {
          id: request.id,
          kind: 'uploaded',
          result: { error: 'The store is not open: restore it first.' },
        };
      const limit = request.purpose === 'case' ? MAX_CASE_FILE_BYTES : MAX_IMPORT_BYTES;
      try {
        return {
          id: request.id,
          kind: 'uploaded',
          result: await uploads.put(request.fileName, new Uint8Array(request.bytes), limit),
        };
      } catch (error) {
        const message =
          error instanceof TooLargeError || error instanceof Error ? error.message : String(error);
        return { id: request.id, kind: 'uploaded', result: { error: message } };
      }
    }
    case 'jobFile': {
      const found = session.backend?.ctx.jobs.file(request.jobId);
      return {
        id: request.id,
        kind: 'jobFile',
        file: found ? { path: found.path, fileName: found.file.fileName } : null,
      };
    }
    case 'close':
      await session.close();
      return { id: request.id, kind: 'closed' };
  }
}

async function main(): Promise<void> {
  if (!port) throw new Error('utilityMain.ts runs only in an Electron utility process');
  const parent = port;
  const args = argvToArgs(process.argv);
  const secretKey = await new Promise<string | null>((resolve) => {
    parent.once('message', ({ data }) => {
      const message = data as BackendRequest;
      resolve(message.kind === 'start' ? message.secretKey : null);
    });
  });
  let session: BackendSession;
  try {
    session = await openBackendSession({
      dataDir: args.dataDir,
      host: 'desktop',
      version: args.version,
      sampleCaseFile: args.sampleCaseFile,
      secretKey: secretKey === null ? null : Buffer.from(secretKey, 'base64'),
    });
  } catch (error) {
    parent.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  parent.on('message', ({ data }) => {
    const request = data as BackendRequest;
    void answer(session, request).then(
      (reply) => {
        parent.postMessage(reply);
        if (reply.kind === 'closed') process.exit(0);
      },
      (error: unknown) =>
        parent.postMessage({
          id: request.id,
          kind: 'result',
          result: {
            ok: false,
            error: {
              code: 'internal',
              message: error instanceof Error ? error.message : String(error),
            },
          },
        }),
    );
  });
  parent.postMessage({ kind: 'ready', problem: session.problem?.message ?? null });
}

void main();
