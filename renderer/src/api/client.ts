/**
 * The typed client: `call('claims:create', input)` answers with the channel's result type
 * or a typed error. Transport failures (the host went away) become errors too, so callers
 * handle one shape.
 */
import type { Channel, Input, Output } from '../../../shared/contract/channels';
import type { Result } from '../../../shared/contract/result';
import { createTransport, type Transport } from './transport';

let transport: Transport | null = null;

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';

export async function call<C extends Channel>(
  channel: C,
  input: Input<C>,
): Promise<Result<Output<C>>> {
  transport ??= createTransport();
  try {
    const answer = await transport.invoke(channel, input);
    if (!isResult(answer)) {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The backend sent an unreadable answer to ${channel}.`,
        },
      };
    }
    // The backend answers each channel with that channel's output type (shared contract).
    return answer as Result<Output<C>>;
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'store_unavailable',
        message: `Claimdesk's backend could not be reached (${error instanceof Error ? error.message : String(error)}). Is it still running?`,
      },
    };
  }
}
