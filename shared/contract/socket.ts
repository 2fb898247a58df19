/**
 * The web host's WebSocket (issue 9, keystroke to frame): the page sends its contract calls
 * over one open socket instead of one HTTP request each. In this Chromium a `fetch` to the
 * loopback host costs 5–10 ms before any work is done; a socket message costs 1–2 ms. The
 * calls and answers are the contract's own, numbered so that answers may come in any order.
 */
import type { Result } from './result';

/** Where the page opens the socket. */
export const SOCKET_PATH = '/api/socket';
/** The subprotocol both sides speak. */
export const SOCKET_PROTOCOL = 'claimdesk.v1';
/**
 * The access token travels as a second offered subprotocol (`claimdesk.token.<hex>`): a
 * browser's WebSocket cannot set an Authorization header, and a token in the address would
 * end up wherever addresses are kept. The host never echoes it back.
 */
export const SOCKET_TOKEN_PREFIX = 'claimdesk.token.';
/**
 * Calls whose input is longer than this (a pasted document) go over HTTP, which answers a
 * too-large body with a clear refusal; a socket would only close.
 */
export const SOCKET_MAX_INPUT_CHARS = 1024 * 1024;

/** One call from the page: `input` as the contract's channel takes it. */
export interface SocketCall {
  id: number;
  channel: string;
  input: unknown;
}

/** The answer to call `id` (null when the message could not be read at all). */
export interface SocketAnswer {
  id: number | null;
  result: Result<unknown>;
}
