import { request, type IncomingHttpHeaders } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../backend/backend';
import { tempDirs } from '../backend/testing/tempDir';
import { CONTENT_SECURITY_POLICY, startWebServer, type RunningServer } from './server';

const TOKEN = 'a'.repeat(64);
const INDEX_HTML = '<!doctype html><title>Claimdesk</title>';
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

const dirs = tempDirs();
let backend: Backend | null = null;
let running: RunningServer | null = null;

afterEach(async () => {
  await running?.close();
  await backend?.close();
  running = null;
  backend = null;
  await dirs.cleanup();
});

/** A server over a backend on a fresh data dir; a secret file sits next to rendererDir. */
async function startServer(): Promise<RunningServer> {
  const root = await dirs.make();
  const rendererDir = path.join(root, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  backend = await openBackend({
    dataDir: path.join(root, 'data'),
    host: 'web',
    version: 'test',
    log: () => undefined,
  });
  running = await startWebServer({
    dispatch: backend.dispatch,
    files: () => null,
    rendererDir,
    token: TOKEN,
  });
  return running;
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request: the path is sent exactly as given, headers as given. */
function send(
  server: RunningServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A well-formed API call from our own page. */
const api = (server: RunningServer, channel: string, body: unknown, headers = {}) =>
  send(server, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${TOKEN}`,
      Origin: `http://127.0.0.1:${server.port}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });

describe('web server', () => {
  it('listens on 127.0.0.1 only', async () => {
    const server = await startServer();
    const address = server.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(server.port);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('answers 401 to an API call without the token or with a wrong one', async () => {
    const server = await startServer();
    const wrong = ['', `Bearer ${'b'.repeat(64)}`, `Bearer ${TOKEN.slice(1)}`, TOKEN];
    for (const authorization of wrong) {
      const reply = await api(server, 'cases:list', {}, { Authorization: authorization });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const none = await send(server, {
      method: 'POST',
      path: '/api/cases:list',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
  });

  it('answers 403 to a foreign Host header (DNS rebinding)', async () => {
    const server = await startServer();
    const reply = await api(server, 'cases:list', {}, { Host: `evil.example:${server.port}` });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const page = await send(server, {
      path: '/',
      headers: { Host: `evil.example:${server.port}` },
    });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain(INDEX_HTML);
  });

  it('answers 403 to a foreign Origin', async () => {
    const server = await startServer();
    const reply = await api(server, 'cases:list', {}, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a same-origin call with the right token with 200 and ok:true', async () => {
    const server = await startServer();
    const created = await api(server, 'cases:create', { title: 'Over HTTP' });
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Over HTTP' } });
    const listed = await api(server, 'cases:list', {}, { Host: `localhost:${server.port}` });
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: [{ title: 'Over HTTP' }] });
  });

  it('serves index.html at / with a Content-Security-Policy header', async () => {
    const server = await startServer();
    const reply = await send(server, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('sends no Access-Control-Allow-Origin header on any response', async () => {
    const server = await startServer();
    const evil = { Origin: 'http://evil.example' };
    const replies = await Promise.all([
      send(server, { path: '/' }),
      send(server, { path: '/missing.js' }),
      send(server, { path: '/', headers: evil }),
      send(server, { method: 'OPTIONS', path: '/api/cases:list', headers: evil }),
      send(server, { method: 'OPTIONS', path: '/api/cases:list' }),
      send(server, { method: 'POST', path: '/' }),
      api(server, 'cases:list', {}),
      api(server, 'cases:list', {}, evil),
      api(server, 'cases:list', {}, { Authorization: '' }),
      api(server, 'no:such', {}),
    ]);
    expect(replies.map((r) => r.status)).toEqual([
      200, 404, 403, 403, 401, 405, 200, 403, 401, 404,
    ]);
    for (const reply of replies) {
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
      expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('does not serve files outside rendererDir to a path-traversal request', async () => {
    const server = await startServer();
    // Control: a file inside rendererDir, reached through a `..` that stays inside, is served.
    const inside = await send(server, { path: '/assets/../assets/app.js' });
    expect(inside.status).toBe(200);
    expect(inside.body).toBe('console.log(1);');
    const paths = [
      '/../../etc/passwd',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%5csecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%252e%252e%252fsecret.txt',
    ];
    for (const p of paths) {
      const reply = await send(server, { path: p });
      expect([400, 403, 404]).toContain(reply.status);
      expect(reply.body).not.toContain(SECRET);
      expect(reply.body).not.toMatch(/root:.*:0:0:/);
    }
  });

  it('answers 415 to an API call that is not JSON', async () => {
    const server = await startServer();
    const reply = await api(server, 'cases:create', {}, { 'Content-Type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers 400 with ok:false to an invalid JSON body', async () => {
    const server = await startServer();
    const reply = await send(server, {
      method: 'POST',
      path: '/api/cases:create',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: '{"title": "unterminated',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
    });
    const listed = await api(server, 'cases:list', {});
    expect(JSON.parse(listed.body)).toEqual({ ok: true, value: [] });
  });
});
