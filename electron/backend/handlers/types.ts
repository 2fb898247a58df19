import type { Channel, Output, ParsedInput } from '../../../shared/contract/channels';
import type { HandlerContext } from './context';

/** The backend's side of the contract: one async function per channel. */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: HandlerContext) => Promise<Output<C>>;
};

export type HandlersFor<C extends Channel> = Pick<Handlers, C>;
