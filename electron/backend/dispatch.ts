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
import type { Handlers } from './handlers/types';
import { StoreError } from './store/errors';

async function run<C extends Channel>(
  channel: C,
  input: unknown,
  ctx: HandlerContext,
): Promise<Output<C>> {
  const handler: Handlers[C] = handlers[channel];
  return handler(parseInput(channel, input), ctx);
}

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatch(ctx: HandlerContext, log: (message: string) => void): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return fail('unknown_channel', `There is no call named "${channel}".`);
    try {
      return ok(await run(channel, input, ctx));
    } catch (error) {
      if (error instanceof CallFailure) return fail(error.code, error.message, error.field);
      if (error instanceof StoreError) return fail('store_unavailable', error.message);
      log(
        `${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return fail(
        'internal',
        `Claimdesk could not complete "${channel}": ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
      );
    }
  };
}
