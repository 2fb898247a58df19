/**
 * The backend as a utility process (issue 9): main only forwards calls and relays answers,
 * so no edit, fold or export ever holds up Electron's main process (window, menus, input).
 */
import path from 'node:path';
import { utilityProcess, type UtilityProcess } from 'electron';
import type { Result } from '../../shared/contract/result';
import type { UploadRequest, UploadResult } from '../../shared/contract/shell';
import {
  argsToArgv,
  type BackendArgs,
  type BackendMessage,
  type BackendReply,
} from '../backend/utility/protocol';

type Pending = (reply: BackendReply) => void;

export interface BackendProcess {
  /** Why the store is in recovery (the window shows the recovery screen), or null. */
  problem: string | null;
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  upload(request: UploadRequest): Promise<UploadResult>;
  jobFile(jobId: string): Promise<{ path: string; fileName: string } | null>;
  /** Saves and stops the backend: it folds its journal and lets the data folder go. */
  close(): Promise<void>;
}

/** Starts the backend process; rejects with its message when it cannot open the data folder. */
export function startBackendProcess(
  args: BackendArgs,
  secretKey: string | null,
): Promise<BackendProcess> {
  const child: UtilityProcess = utilityProcess.fork(
    path.join(__dirname, 'backend.mjs'),
    argsToArgv(args),
    { serviceName: 'Claimdesk backend', stdio: 'inherit' },
  );
  child.postMessage({ kind: 'start', secretKey, id: 0 });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let exited = false;
  // An upload's bytes are structured-cloned once on the way (no base64, no JSON).
  const request = (message: BackendMessage) =>
    new Promise<BackendReply>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.postMessage({ ...message, id });
    });

  return new Promise((resolve, reject) => {
    child.on('message', (reply: BackendReply) => {
      if (reply.kind === 'failed') return reject(new Error(reply.message));
      if (reply.kind === 'ready') {
        resolve({
          problem: reply.problem,
          call: async (channel, input) => {
            if (exited)
              return {
                ok: false,
                error: { code: 'store_unavailable', message: 'Claimdesk’s backend has stopped.' },
              };
            const answer = await request({ kind: 'call', channel, input });
            return answer.kind === 'result'
              ? answer.result
              : { ok: false, error: { code: 'internal', message: 'unexpected answer' } };
          },
          upload: async ({ fileName, purpose, bytes }) => {
            const answer = await request({ kind: 'upload', fileName, purpose, bytes });
            return answer.kind === 'uploaded' ? answer.result : { error: 'unexpected answer' };
          },
          jobFile: async (jobId) => {
            const answer = await request({ kind: 'jobFile', jobId });
            return answer.kind === 'jobFile' ? answer.file : null;
          },
          close: async () => {
            if (exited) return;
            await request({ kind: 'close' });
          },
        });
        return;
      }
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      waiting?.(reply);
    });
    child.once('exit', (code) => {
      exited = true;
      for (const waiting of pending.values()) {
        waiting({
          id: 0,
          kind: 'result',
          result: {
            ok: false,
            error: { code: 'store_unavailable', message: 'Claimdesk’s backend has stopped.' },
          },
        });
      }
      pending.clear();
      reject(new Error(`Claimdesk's backend stopped before it was ready (exit code ${code}).`));
    });
  });
}
