/**
 * The single entry to the backend, shared by the Electron IPC and the web host:
 * validate the input against the contract, run the handler, answer with a Result.
 * Nothing thrown escapes: an expected failure keeps its code, a bug becomes `internal`.
 */
import { isChannel, type Channel, type Output } from '../../shared/contract/channels';
import { CallFailure, fail, ok, type Result } from '../../shared/contract/result';
import { parseInput } from '../../shared/contract/validate';
import type { HandlerContext } from './handlers/context';
import { handlers } from './handlers';
import {
  recoveryModeHandlers,
  type RecoveryChannel,
  type RecoveryContext,
  type RecoveryHandlers,
} from './handlers/recovery';
import type { Handlers } from './handlers/types';
import type { CallActivity } from './callActivity';
import { StoreError } from './store/errors';
import { MissingTextError } from './store/textStore';

/**
 * Calls answered while the claims are still loading after start (openStore.ts): each one
 * either needs no claims or says in its answer that it is partial. Every other call waits
 * until the store has loaded.
 */
const EARLY = new Set<Channel>([
  'app:info',
  'changes:since',
  'cases:list',
  'documents:list',
  'documents:query',
  'documents:get',
  'entities:list',
  'judgments:list',
  'briefings:list',
  'claims:query',
  'claims:facets',
  'edit:state',
  'jobs:status',
  'jobs:wait',
  'jobs:cancel',
  'recovery:status',
]);

async function run<C extends Channel>(
  channel: C,
  input: unknown,
  ctx: HandlerContext,
): Promise<Output<C>> {
  const handler: Handlers[C] = handlers[channel];
  const parsed = parseInput(channel, input);
  if (!EARLY.has(channel)) {
    ctx.store.needsClaims();
    await ctx.store.ready;
  }
  return handler(parsed, ctx);
}

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** An error thrown by a handler, as the answer: expected ones keep their code. */
function failure(channel: string, error: unknown, log: (message: string) => void): Result<never> {
  if (error instanceof CallFailure) return fail(error.code, error.message, error.field);
  if (error instanceof StoreError) return fail('store_unavailable', error.message);
  if (error instanceof MissingTextError) return fail('not_found', error.message, 'text');
  log(
    `${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return fail(
    'internal',
    `Claimdesk could not complete "${channel}": ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
  );
}

export function createDispatch(
  ctx: HandlerContext,
  log: (message: string) => void,
  activity?: CallActivity,
): Dispatch {
  return async (channel, input) => {
    activity?.called(channel);
    if (!isChannel(channel)) return fail('unknown_channel', `There is no call named "${channel}".`);
    try {
      return ok(await run(channel, input, ctx));
    } catch (error) {
      return failure(channel, error, log);
    }
  };
}

const isRecoveryChannel = (channel: Channel): channel is RecoveryChannel =>
  Object.hasOwn(recoveryModeHandlers, channel);

/**
 * The dispatch while the store is damaged (../session.ts): the recovery calls answer, every
 * other call is refused with `store_unavailable`, saying what is wrong and what to do.
 */
export function createRecoveryDispatch(
  ctx: RecoveryContext,
  log: (message: string) => void,
): Dispatch {
  const runRecovery = async <C extends RecoveryChannel>(channel: C, input: unknown) => {
    const handler: RecoveryHandlers[C] = recoveryModeHandlers[channel];
    return handler(parseInput(channel, input), ctx);
  };
  return async (channel, input) => {
    if (!isChannel(channel)) return fail('unknown_channel', `There is no call named "${channel}".`);
    if (!isRecoveryChannel(channel)) {
      return fail('store_unavailable', `${ctx.problem.message} Open Claimdesk to choose a backup.`);
    }
    try {
      return ok(await runRecovery(channel, input));
    } catch (error) {
      return failure(channel, error, log);
    }
  };
}
