/**
 * The envelope every call returns. Errors travel as values because Electron's `invoke`
 * keeps only `error.message` of a thrown error, and HTTP would lose the type too.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_channel'
  | 'store_unavailable'
  | 'forbidden'
  /** A server the call needs (a team database) cannot be reached: try again later. */
  | 'offline'
  | 'internal';

export interface CallError {
  code: ErrorCode;
  /** A sentence a user can act on. */
  message: string;
  /** For `invalid_input`: the path of the offending field, e.g. `title`. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Thrown inside handlers for an expected failure; the dispatcher turns it into a value. */
export class CallFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CallFailure';
  }
}
