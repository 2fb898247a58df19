/**
 * The web host's WebSocket at `/api/socket` (../../shared/contract/socket.ts): the same calls
 * and the same dispatch as `POST /api/<channel>`, over one connection the page keeps open.
 * The upgrade passes the same checks as an API request (Host, Origin, the access token),
 * answered with a refusal before any socket exists.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { fail, type Result } from '../../shared/contract/result';
import {
  SOCKET_PATH,
  SOCKET_PROTOCOL,
  SOCKET_TOKEN_PREFIX,
  type SocketCall,
} from '../../shared/contract/socket';
import type { Dispatch } from '../backend/dispatch';
import { hostAllowed, originAllowed, tokenMatches, type GuardConfig } from './guards';

export interface SocketOptions {
  guard: GuardConfig;
  dispatch: Dispatch;
  /** The largest message taken; a larger one closes the socket (the page sends those by HTTP). */
  maxPayload: number;
  log: (message: string) => void;
}

/** The subprotocols the page offered, from the upgrade request's header. */
const offeredProtocols = (req: IncomingMessage): string[] =>
  String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Why an upgrade is refused, or null when it may go on. */
function refusal(req: IncomingMessage, pathname: string | null, guard: GuardConfig) {
  if (pathname !== SOCKET_PATH) return { status: 404, text: 'Not Found' } as const;
  if (!hostAllowed(req, guard) || !originAllowed(req, guard))
    return { status: 403, text: 'Forbidden' } as const;
  const offered = offeredProtocols(req);
  const token = offered.find((p) => p.startsWith(SOCKET_TOKEN_PREFIX));
  if (
    !offered.includes(SOCKET_PROTOCOL) ||
    !tokenMatches(token?.slice(SOCKET_TOKEN_PREFIX.length), guard)
  )
    return { status: 401, text: 'Unauthorized' } as const;
  return null;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const NOT_A_CALL =
  'The message is not a call: send JSON text {"id": <number>, "channel": <name>, "input": <object>}.';

const textOf = (data: RawData): string =>
  (Buffer.isBuffer(data)
    ? data
    : Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.from(data)
  ).toString('utf8');

/** The call a message holds, or null when it is not one. */
function readCall(data: RawData, isBinary: boolean): SocketCall | null {
  if (isBinary) return null;
  let value: unknown;
  try {
    value = JSON.parse(textOf(data));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, channel, input } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof channel !== 'string')
    return null;
  return { id, channel, input: input ?? {} };
}

function answer(ws: WebSocket, id: number | null, result: Result<unknown>): void {
  // An answer to a page that has gone is dropped, as an HTTP answer to a closed connection is.
  if (ws.readyState === ws.OPEN) ws.send(`{"id":${id},"result":${JSON.stringify(result)}}`);
}

function serve(ws: WebSocket, options: SocketOptions): void {
  // A frame the protocol refuses (too large, not masked) closes the socket with its code;
  // without a listener the error would end the host.
  ws.on('error', (error) => options.log(`web host socket: ${error.message}`));
  ws.on('message', (data, isBinary) => {
    const call = readCall(data, isBinary);
    if (!call) return answer(ws, null, fail('invalid_input', NOT_A_CALL));
    options.dispatch(call.channel, call.input).then(
      (result) => answer(ws, call.id, result),
      (error: unknown) => {
        // The dispatch answers every failure as a value; this is only a guard.
        options.log(`web host socket: ${error instanceof Error ? error.message : String(error)}`);
        answer(ws, call.id, fail('internal', 'Claimdesk could not answer this call.'));
      },
    );
  });
}

/** Serves the socket on `server`'s upgrades; `close` ends every open socket. */
export function attachSocket(
  server: Server,
  parsePath: (raw: string | undefined) => { pathname: string } | null,
  options: SocketOptions,
): { close(): void } {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload,
    handleProtocols: (protocols) => (protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
    // Answers are small and loopback is fast: compressing them would only cost time.
    perMessageDeflate: false,
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refused = refusal(req, parsePath(req.url)?.pathname ?? null, options.guard);
    if (refused) return refuse(socket, refused.status, refused.text);
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws, options));
  });
  return {
    close: () => {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}
