/**
 * Why a store could not be opened, in words a user can act on. The shells show
 * `message` as it is, so each one says what happened, what was (not) touched and what to do.
 */
/** `missing`: no claimdesk.json, though the rest of a store is there (openStore.ts). */
export type StoreErrorKind = 'corrupt' | 'invalid' | 'missing' | 'too_new' | 'in_use' | 'io';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
