/**
 * The recovery calls. With the store open (the usual case) they report it fine, list the
 * backups, and refuse to repair anything. While the store is damaged the backend runs
 * `recoveryModeHandlers` instead, with no store at all (../session.ts).
 */
import path from 'node:path';
import type { BackupSummary, Output, ParsedInput } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { Backend } from '../backend';
import { BACKUPS_DIR, listBackups } from '../store/backups';
import type { StoreError } from '../store/errors';
import { RecoveryError, restoreBackup, startEmpty } from '../store/recovery';
import type { HandlersFor } from './types';

export type RecoveryChannel = 'recovery:status' | 'recovery:restore' | 'recovery:startEmpty';

const STORE_IS_FINE =
  'The Claimdesk store opened without a problem, so there is nothing to recover. ' +
  'To go back to a backup anyway, quit Claimdesk, move claimdesk.json aside and start it again: it offers the backups.';

const summaries = async (dir: string): Promise<BackupSummary[]> =>
  (await listBackups(path.join(dir, BACKUPS_DIR))).map((b) => ({
    file: b.file,
    date: b.date,
    size: b.size,
    cases: b.cases,
    documents: b.documents,
    claims: b.claims,
    usable: b.usable,
    problem: b.problem,
  }));

export const recoveryHandlers: HandlersFor<RecoveryChannel> = {
  // Asked at every start: answered without reading the backups (see the contract).
  'recovery:status': async () => ({ damaged: false, problem: '', file: '', backups: [] }),
  'recovery:restore': async () => {
    throw new CallFailure('conflict', STORE_IS_FINE);
  },
  'recovery:startEmpty': async () => {
    throw new CallFailure('conflict', STORE_IS_FINE);
  },
};

/** What the recovery handlers are given while the store is damaged. */
export interface RecoveryContext {
  dir: string;
  /** Why the store did not open. */
  problem: StoreError;
  /**
   * Opens the store on the repaired files and puts the usual backend in place; throws the
   * StoreError if it still does not open.
   */
  reopen(): Promise<Backend>;
}

export type RecoveryHandlers = {
  [C in RecoveryChannel]: (input: ParsedInput<C>, ctx: RecoveryContext) => Promise<Output<C>>;
};

/** Runs one repair; a repair refused before anything was touched keeps its reason. */
async function repair<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RecoveryError) {
      throw new CallFailure(
        error.reason === 'not_found' ? 'not_found' : 'invalid_input',
        error.message,
        'file',
      );
    }
    throw error;
  }
}

export const recoveryModeHandlers: RecoveryHandlers = {
  'recovery:status': async (_input, ctx) => ({
    damaged: true,
    problem: ctx.problem.message,
    file: ctx.problem.file ?? '',
    backups: await summaries(ctx.dir),
  }),
  'recovery:restore': async (input, ctx) => {
    const { movedAside } = await repair(() => restoreBackup(ctx.dir, input.file));
    const backend = await ctx.reopen();
    return { restored: true, movedAside, recovered: backend.store.report.recovered };
  },
  'recovery:startEmpty': async (_input, ctx) => {
    const { movedAside } = await repair(() => startEmpty(ctx.dir));
    await ctx.reopen();
    return { restored: true, movedAside, recovered: null };
  },
};
