/**
 * Requests that must not take the web host down. The server runs in a child process (the
 * real server.ts, bundled), because an exception escaping its request listener ends the
 * process, which is what would happen to `npm run web`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript } from '../backend/testing/bundle';
import { tempDirs } from '../backend/testing/tempDir';

const TOKEN = 'c'.repeat(64);
const SERVER_SOURCE = `
import { startWebServer } from '../../web/server';
const [rendererDir, token] = process.argv.slice(2);
startWebServer({ dispatch: async () => ({ ok: true, value: null }), rendererDir, token }).then(
  (server) => process.stdout.write(JSON.stringify({ port: server.port }) + '\\n'),
);
`;

const dirs = tempDirs();
let script = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  script = await bundleScript(SERVER_SOURCE, await dirs.make(), 'web-server');
}, 60_000);
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => dirs.cleanup());

async function startChildServer(): Promise<number> {
  const rendererDir = await dirs.make();
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const child = spawn(process.execPath, [script, rendererDir, TOKEN], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  const lines: AsyncIterator<string, undefined> = createInterface({ input: child.stdout })[
    Symbol.asyncIterator
  ]();
  const first = await lines.next();
  if (first.done) throw new Error('the web server child exited before listening');
  return (JSON.parse(first.value) as { port: number }).port;
}

function send(port: number, method: string, rawPath: string, headers = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: rawPath, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('web server robustness', () => {
  it('stays up after ordinary bad requests (control)', async () => {
    const port = await startChildServer();
    expect(await send(port, 'GET', '/%E0%A4%A')).toBe(400);
    expect(await send(port, 'GET', '/no-such-file.js')).toBe(404);
    expect(await send(port, 'GET', '/api/cases:list')).toBe(401);
    expect(await send(port, 'GET', '/')).toBe(200);
  });

  // Regression: a request-target like `//[` was once parsed as a scheme-relative URL with an
  // invalid host, and the TypeError ended the process. Any page can send it (fetch no-cors).
  it('answers a request for //[ without crashing', async () => {
    const port = await startChildServer();
    expect([400, 404]).toContain(await send(port, 'GET', '//['));
    expect(await send(port, 'GET', '/')).toBe(200);
  });

  // Regression: malformed percent-encoding in a channel name once threw a URIError that
  // ended the process.
  it('answers an API call with malformed percent-encoding without crashing', async () => {
    const port = await startChildServer();
    const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    expect([400, 404]).toContain(await send(port, 'POST', '/api/%E0%A4%A', headers));
    expect(await send(port, 'GET', '/')).toBe(200);
  });
});
