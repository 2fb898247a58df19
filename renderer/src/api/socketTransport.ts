/**
 * Calls to the web host over its WebSocket (../../../shared/contract/socket.ts): one message
 * each way instead of one HTTP request, which in Chromium costs 5–10 ms of a keystroke's
 * 16 (issue 9). HTTP stays underneath: calls made before the socket is open, calls with a
 * large input, and every call while the socket is down go by HTTP, so the app works the
 * same whether or not the socket does.
 */
import type { Channel } from '../../../shared/contract/channelNames';
import {
  SOCKET_MAX_INPUT_CHARS,
  SOCKET_PATH,
  SOCKET_PROTOCOL,
  SOCKET_TOKEN_PREFIX,
  type SocketAnswer,
} from '../../../shared/contract/socket';
import type { Transport } from './transport';

/** What this file needs of a browser WebSocket (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
}

/** Opens a socket that reports its messages' data and its closing to `on`. */
export type OpenSocket = (
  url: string,
  protocols: string[],
  on: { message(data: unknown): void; close(): void },
) => SocketLike;

/** After the socket closes (or fails to open), how long before the next call tries again. */
export const RETRY_MS = 2_000;
const OPEN = 1;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function socketTransport(
  token: string,
  http: Transport,
  open: OpenSocket,
  url: string,
  now: () => number = () => Date.now(),
): Transport {
  let socket: SocketLike | null = null;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const connect = () => {
    lastAttempt = now();
    const message = (data: unknown) => {
      if (typeof data !== 'string') return;
      let answer: SocketAnswer;
      try {
        answer = JSON.parse(data) as SocketAnswer;
      } catch {
        return;
      }
      if (answer.id === null) return;
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      waiting?.resolve(answer.result);
    };
    const close = () => {
      if (socket === ws) socket = null;
      // Whether these calls ran is unknown, as with an HTTP connection that breaks: the
      // caller hears that the host could not be reached.
      for (const waiting of pending.values())
        waiting.reject(new Error('the connection to the web host closed'));
      pending.clear();
    };
    let ws: SocketLike | null = null;
    try {
      ws = open(url, [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${token}`], { message, close });
    } catch {
      // No socket (refused by a policy, say): HTTP carries the calls.
      return;
    }
    socket = ws;
  };

  connect();
  return {
    kind: http.kind,
    invoke(channel: Channel, input: unknown) {
      if (!socket && now() - lastAttempt >= RETRY_MS) connect();
      if (socket?.readyState !== OPEN) return http.invoke(channel, input);
      const body = JSON.stringify(input) ?? '{}';
      if (body.length > SOCKET_MAX_INPUT_CHARS) return http.invoke(channel, input);
      const id = nextId++;
      const ws = socket;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(`{"id":${id},"channel":${JSON.stringify(channel)},"input":${body}}`);
      });
    },
  };
}

/** The socket's address on the page's own host. */
export const socketUrl = (location: { protocol: string; host: string }): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SOCKET_PATH}`;
