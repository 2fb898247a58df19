import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/contract/channelNames';
import {
  SOCKET_MAX_INPUT_CHARS,
  SOCKET_PROTOCOL,
  SOCKET_TOKEN_PREFIX,
} from '../../../shared/contract/socket';
import { RETRY_MS, socketTransport, socketUrl, type OpenSocket } from './socketTransport';
import type { Transport } from './transport';

/** A socket the test opens, answers and closes by hand. */
class FakeSocket {
  readyState = 0;
  sent: { id: number; channel: string; input: unknown }[] = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
    readonly on: { message(data: unknown): void; close(): void },
  ) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  answer(id: number | null, value: unknown) {
    this.on.message(JSON.stringify({ id, result: { ok: true, value } }));
  }
  close() {
    this.readyState = 3;
    this.on.close();
  }
}

function setUp() {
  const sockets: FakeSocket[] = [];
  const open: OpenSocket = (url, protocols, on) => {
    const socket = new FakeSocket(url, protocols, on);
    sockets.push(socket);
    return socket;
  };
  const httpCalls: { channel: Channel; input: unknown }[] = [];
  const http: Transport = {
    kind: 'http',
    invoke: (channel, input) => {
      httpCalls.push({ channel, input });
      return Promise.resolve({ ok: true, value: 'by http' });
    },
  };
  let clock = 0;
  const transport = socketTransport('t0k3n', http, open, 'ws://host/api/socket', () => clock);
  return {
    transport,
    sockets,
    httpCalls,
    advance: (ms: number) => (clock += ms),
  };
}

describe('socketTransport', () => {
  it('opens the socket at once, offering the protocol and the token', () => {
    const { sockets } = setUp();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.url).toBe('ws://host/api/socket');
    expect(sockets[0]?.protocols).toEqual([SOCKET_PROTOCOL, `${SOCKET_TOKEN_PREFIX}t0k3n`]);
  });

  it('sends calls by HTTP until the socket is open, then over it', async () => {
    const { transport, sockets, httpCalls } = setUp();
    const socket = sockets[0] as FakeSocket;
    expect(await transport.invoke('cases:list', {})).toEqual({ ok: true, value: 'by http' });
    socket.readyState = 1;
    const answer = transport.invoke('claims:query', { caseId: 'c1' });
    expect(socket.sent).toEqual([{ id: 1, channel: 'claims:query', input: { caseId: 'c1' } }]);
    socket.answer(1, 'by socket');
    expect(await answer).toEqual({ ok: true, value: 'by socket' });
    expect(httpCalls.map((c) => c.channel)).toEqual(['cases:list']);
  });

  it('settles each call with the answer under its id, in whatever order they come', async () => {
    const { transport, sockets } = setUp();
    const socket = sockets[0] as FakeSocket;
    socket.readyState = 1;
    const first = transport.invoke('claims:query', { n: 1 });
    const second = transport.invoke('claims:facets', { n: 2 });
    socket.answer(null, 'a refusal of an unreadable message: not for any call');
    socket.answer(2, 'two');
    socket.answer(1, 'one');
    expect(await second).toEqual({ ok: true, value: 'two' });
    expect(await first).toEqual({ ok: true, value: 'one' });
  });

  it('sends a large input by HTTP, which refuses too large a body clearly', async () => {
    const { transport, sockets, httpCalls } = setUp();
    const socket = sockets[0] as FakeSocket;
    socket.readyState = 1;
    await transport.invoke('documents:create', { text: 'x'.repeat(SOCKET_MAX_INPUT_CHARS) });
    expect(socket.sent).toEqual([]);
    expect(httpCalls.map((c) => c.channel)).toEqual(['documents:create']);
  });

  it('fails the calls in flight when the socket closes, then uses HTTP and opens again later', async () => {
    const { transport, sockets, httpCalls, advance } = setUp();
    const socket = sockets[0] as FakeSocket;
    socket.readyState = 1;
    const inFlight = transport.invoke('claims:update', { id: 'c1' });
    socket.close();
    await expect(inFlight).rejects.toThrow('the connection to the web host closed');
    advance(RETRY_MS - 1);
    expect(await transport.invoke('app:info', {})).toEqual({ ok: true, value: 'by http' });
    expect(sockets).toHaveLength(1);
    advance(1);
    await transport.invoke('app:info', {});
    expect(sockets).toHaveLength(2);
    expect(httpCalls).toHaveLength(2);
  });
});

describe('socketUrl', () => {
  it('is the page host’s /api/socket, over wss for an https page', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe(
      'ws://127.0.0.1:4000/api/socket',
    );
    expect(socketUrl({ protocol: 'https:', host: 'example.org' })).toBe(
      'wss://example.org/api/socket',
    );
  });
});
