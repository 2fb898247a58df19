/**
 * The messages between the Electron main process and the backend running in a utility
 * process (issue 9: "the desktop shell runs the backend in a utilityProcess so Electron's
 * main process never stalls"). Main forwards each contract call as a request and relays the
 * answer; the backend says once whether it could open the data folder.
 */
import type { Result } from '../../../shared/contract/result';
import type { UploadPurpose } from '../../../shared/contract/shell';

export type BackendMessage =
  /**
   * The first message, before the data folder is opened: the key that encrypts saved team
   * database connections (from the OS keychain, electron/main/secretKey.ts; null when the
   * keychain is not available). Sent as a message, not on the command line, which other
   * processes of the machine can read.
   */
  | { kind: 'start'; secretKey: string | null }
  | { kind: 'call'; channel: string; input: unknown }
  | { kind: 'upload'; fileName: string; purpose: UploadPurpose; bytes: ArrayBuffer }
  | { kind: 'jobFile'; jobId: string }
  | { kind: 'close' };

/** A message with the id its reply carries back. */
export type BackendRequest = BackendMessage & { id: number };

export type BackendReply =
  | { kind: 'ready'; problem: string | null }
  | { kind: 'failed'; message: string }
  | { id: number; kind: 'result'; result: Result<unknown> }
  | { id: number; kind: 'uploaded'; result: { uploadId: string; size: number } | { error: string } }
  | { id: number; kind: 'jobFile'; file: { path: string; fileName: string } | null }
  | { id: number; kind: 'closed' };

/** What main passes the backend process on its command line. */
export interface BackendArgs {
  dataDir: string;
  version: string;
  sampleCaseFile: string;
}

export const argsToArgv = (args: BackendArgs): string[] => [JSON.stringify(args)];

export function argvToArgs(argv: readonly string[]): BackendArgs {
  const parsed: unknown = JSON.parse(argv.at(-1) ?? '{}');
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !('dataDir' in parsed) ||
    typeof parsed.dataDir !== 'string'
  ) {
    throw new Error('the backend process was started without its arguments');
  }
  const { version, sampleCaseFile } = parsed as Record<string, unknown>;
  return {
    dataDir: parsed.dataDir,
    version: typeof version === 'string' ? version : '',
    sampleCaseFile: typeof sampleCaseFile === 'string' ? sampleCaseFile : '',
  };
}
