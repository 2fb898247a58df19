import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok, type Result } from '../../shared/contract/result';
import {
  SOCKET_PATH,
  SOCKET_PROTOCOL,
  SOCKET_TOKEN_PREFIX,
  type SocketAnswer,
} from '../../shared/contract/socket';
import { tempDirs } from '../backend/testing/tempDir';
import { startWebServer, type RunningServer } from './server';

const TOKEN = 'b'.repeat(64);
const dirs = tempDirs();
let running: RunningServer | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
  await dirs.cleanup();
});

/** A server whose dispatch echoes each call; `delays` holds some answers back (ms by channel). */
async function startServer(delays: Record<string, number> = {}): Promise<RunningServer> {
  running = await startWebServer({
    dispatch: async (channel, input): Promise<Result<unknown>> => {
      await new Promise((resolve) => setTimeout(resolve, delays[channel] ?? 0));
      return ok({ channel, input });
    },
    files: () => null,
    rendererDir: await dirs.make(),
    token: TOKEN,
    log: () => undefined,
  });
  return running;
}

interface Opened {
  ws: WebSocket;
  /** The answers received so far, in order of arrival. */
  answers: SocketAnswer[];
  next: () => Promise<SocketAnswer>;
}

function connect(
  server: RunningServer,
  options: { protocols?: string[]; headers?: Record<string, string>; path?: string } = {},
): Promise<Opened> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${server.port}${options.path ?? SOCKET_PATH}`,
    options.protocols ?? [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${TOKEN}`],
    { headers: { Origin: `http://127.0.0.1:${server.port}`, ...options.headers } },
  );
  const answers: SocketAnswer[] = [];
  const waiters: ((a: SocketAnswer) => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const answer = JSON.parse(data.toString('utf8')) as SocketAnswer;
    answers.push(answer);
    waiters.shift()?.(answer);
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({ ws, answers, next: () => new Promise((r) => waiters.push(r)) }),
    );
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const closed = (ws: WebSocket) =>
  new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));

describe('the web host socket', () => {
  it('answers a call with the dispatch result under the call id, and speaks claimdesk.v1', async () => {
    const server = await startServer();
    const { ws, next } = await connect(server);
    expect(ws.protocol).toBe(SOCKET_PROTOCOL);
    ws.send(JSON.stringify({ id: 7, channel: 'cases:list', input: { a: 1 } }));
    expect(await next()).toEqual({
      id: 7,
      result: { ok: true, value: { channel: 'cases:list', input: { a: 1 } } },
    });
    ws.close();
  });

  it('answers calls as they finish, each under its own id', async () => {
    const server = await startServer({ 'claims:query': 60 });
    const { ws, next } = await connect(server);
    ws.send(JSON.stringify({ id: 1, channel: 'claims:query', input: {} }));
    ws.send(JSON.stringify({ id: 2, channel: 'app:info', input: {} }));
    const first = await next();
    const second = await next();
    expect([first.id, second.id]).toEqual([2, 1]);
    ws.close();
  });

  it('answers a message that is not a call with invalid_input and stays open', async () => {
    const server = await startServer();
    const { ws, next } = await connect(server);
    for (const bad of ['not json', '[]', '{"id":"1","channel":"app:info"}', '{"id":1}']) {
      ws.send(bad);
      const answer = await next();
      expect(answer.id).toBeNull();
      expect(answer.result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    ws.send(JSON.stringify({ id: 3, channel: 'app:info' }));
    expect(await next()).toMatchObject({ id: 3, result: { ok: true } });
    ws.close();
  });

  it('refuses an upgrade without the token, with a wrong one, or without the protocol (401)', async () => {
    const server = await startServer();
    for (const protocols of [
      [SOCKET_PROTOCOL],
      [SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}${'c'.repeat(64)}`],
      [`${SOCKET_TOKEN_PREFIX}${TOKEN}`],
    ]) {
      await expect(connect(server, { protocols })).rejects.toThrow('refused 401');
    }
  });

  it('refuses a foreign Origin or Host (403) and any other path (404)', async () => {
    const server = await startServer();
    await expect(connect(server, { headers: { Origin: 'http://evil.example' } })).rejects.toThrow(
      'refused 403',
    );
    await expect(connect(server, { headers: { Host: 'evil.example' } })).rejects.toThrow(
      'refused 403',
    );
    await expect(connect(server, { path: '/api/app:info' })).rejects.toThrow('refused 404');
  });

  it('closes a socket that sends past the size limit, and serves the next one', async () => {
    const server = await startServer();
    const { ws } = await connect(server);
    const code = closed(ws);
    ws.send('x'.repeat(97 * 1024 * 1024));
    expect(await code).toBe(1009);
    const again = await connect(server);
    again.ws.send(JSON.stringify({ id: 1, channel: 'app:info', input: {} }));
    expect((await again.next()).id).toBe(1);
    again.ws.close();
  });

  it('ends open sockets when the server closes', async () => {
    const server = await startServer();
    const { ws } = await connect(server);
    const code = closed(ws);
    await server.close();
    running = null;
    expect(await code).toBe(1006);
  });
});
