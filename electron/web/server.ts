/**
 * The loopback HTTP server: the built renderer at `/`, the contract at `POST /api/<channel>`.
 * The same dispatch as the Electron IPC answers, so both shells behave alike.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../backend/dispatch';
import { hostAllowed, originAllowed, tokenValid, type GuardConfig } from './guards';
import { readStatic } from './staticFiles';

/** Largest request body accepted: a pasted document of MAX_DOCUMENT_LENGTH plus JSON overhead. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The page's own policy, sent as a header too (the meta tag alone cannot set frame-ancestors). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  token: string;
  port?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

const refusal = (code: string, message: string) => ({ ok: false, error: { code, message } });

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  options: WebServerOptions,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, refusal('forbidden', 'API calls must use POST.'));
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return sendJson(
      res,
      415,
      refusal('invalid_input', 'API calls must send Content-Type: application/json.'),
    );
  }
  const body = await readBody(req);
  if (body === null) {
    return sendJson(
      res,
      413,
      refusal('invalid_input', `The request is larger than ${MAX_BODY_BYTES} bytes.`),
    );
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return sendJson(res, 400, refusal('invalid_input', 'The request body is not valid JSON.'));
  }
  const result = await options.dispatch(channel, input);
  sendJson(res, result.ok || result.error.code !== 'unknown_channel' ? 200 : 404, result);
}

/**
 * The request's path, parsed and percent-decoded once; null when malformed (`//[`, a broken
 * `%` escape). Parsing must never throw here: a throw in the request handler would end the
 * process, and any web page can send such a request to a loopback port.
 */
function parseRequestPath(raw: string | undefined): { pathname: string } | null {
  try {
    // Parsed as a path only: a leading `//` must not be read as a host.
    const url = new URL(`http://127.0.0.1${raw?.startsWith('/') ? raw : '/'}`);
    return { pathname: decodeURIComponent(url.pathname) };
  } catch {
    return null;
  }
}

export async function startWebServer(options: WebServerOptions): Promise<RunningServer> {
  const guard: GuardConfig = { port: 0, token: options.token };
  const server = createServer((req, res) => {
    const url = parseRequestPath(req.url);
    if (!url) return sendJson(res, 400, refusal('invalid_input', 'The request path is malformed.'));
    if (!hostAllowed(req, guard)) {
      return sendJson(res, 403, refusal('forbidden', 'Unknown Host header.'));
    }
    if (!originAllowed(req, guard)) {
      return sendJson(res, 403, refusal('forbidden', 'Cross-origin requests are not allowed.'));
    }
    if (url.pathname.startsWith('/api/')) {
      if (!tokenValid(req, guard)) {
        return sendJson(res, 401, refusal('forbidden', 'Missing or wrong access token.'));
      }
      const channel = url.pathname.slice('/api/'.length);
      handleApi(req, res, channel, options).catch((error: unknown) => {
        sendJson(
          res,
          500,
          refusal('internal', error instanceof Error ? error.message : String(error)),
        );
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, refusal('forbidden', 'Only GET is served here.'));
    }
    readStatic(options.rendererDir, url.pathname)
      .then((file) => {
        if (file) send(res, 200, file.body, file.type);
        else send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      })
      .catch((error: unknown) => {
        send(
          res,
          500,
          error instanceof Error ? error.message : 'error',
          'text/plain; charset=utf-8',
        );
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  guard.port = port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
