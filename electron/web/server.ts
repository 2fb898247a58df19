/**
 * The loopback HTTP server: the built renderer at `/`, the contract at `POST /api/<channel>`
 * and over the WebSocket at `/api/socket` (socket.ts), files in at `POST /api/upload` and
 * exports out at `GET /download/<jobId>/<key>`. The same
 * dispatch as the Electron IPC answers, so both shells behave alike.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatBytes, MAX_CASE_FILE_BYTES, MAX_IMPORT_BYTES } from '../../shared/contract/limits';
import type { Dispatch } from '../backend/dispatch';
import { TooLargeError } from '../backend/uploads';
import { contentDisposition } from './contentDisposition';
import { hostAllowed, originAllowed, tokenValid, type GuardConfig } from './guards';
import { attachSocket } from './socket';
import { readStatic } from './staticFiles';

/**
 * Largest JSON body accepted: a pasted document of MAX_DOCUMENT_LENGTH, or a 50 MB file sent
 * inline as base64 by a script, plus JSON overhead. The UI sends files through /api/upload.
 */
export const MAX_BODY_BYTES = 96 * 1024 * 1024;

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

/** What the server needs of the backend besides the dispatch: files in and out. */
export interface FileHost {
  /** Streams a request body into an upload; throws TooLargeError past `limit`. */
  upload(
    fileName: string,
    body: IncomingMessage,
    limit: number,
  ): Promise<{ uploadId: string; size: number }>;
  /** A finished export's file, if `key` is its key. */
  download(
    jobId: string,
    key: string,
  ): { path: string; fileName: string; mimeType: string; size: number } | null;
}

export interface WebServerOptions {
  dispatch: Dispatch;
  /** Null while the store is in recovery: uploads and downloads are refused then. */
  files: () => FileHost | null;
  rendererDir: string;
  token: string;
  port?: number;
  log?: (message: string) => void;
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

/**
 * Reads the rest of a request and throws it away, so that a refusal sent early (413) reaches
 * the client instead of a reset connection. A body declared far past the limit is not read.
 */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on('data', () => undefined);
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.resume();
  });
}

const declaredLength = (req: IncomingMessage): number | null => {
  const header = req.headers['content-length'];
  const n = header === undefined ? NaN : Number(header);
  return Number.isFinite(n) ? n : null;
};

async function tooLarge(req: IncomingMessage, res: ServerResponse, message: string): Promise<void> {
  const declared = declaredLength(req);
  // Reading gigabytes only to refuse them is not worth it: answer, then close.
  if (declared !== null && declared > 4 * MAX_BODY_BYTES) {
    res.setHeader('Connection', 'close');
    sendJson(res, 413, refusal('invalid_input', message));
    res.on('finish', () => req.destroy());
    return;
  }
  await drain(req);
  sendJson(res, 413, refusal('invalid_input', message));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
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
  const limitMessage = `The request is larger than ${formatBytes(MAX_BODY_BYTES)}, the most one call takes. Send files through /api/upload.`;
  if ((declaredLength(req) ?? 0) > MAX_BODY_BYTES) return tooLarge(req, res, limitMessage);
  const body = await readBody(req);
  if (body === null) return sendJson(res, 413, refusal('invalid_input', limitMessage));
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
 * `POST /api/upload?purpose=document|case` with the file as the body and its name in
 * `X-File-Name` (percent-encoded): streamed to disk, answered with an upload id for
 * `documents:extract` or `cases:import`. The limit is 50 MB for a document, 2 GB for a case.
 */
async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: WebServerOptions,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, refusal('forbidden', 'Uploads must use POST.'));
  }
  const files = options.files();
  if (!files) {
    await drain(req);
    return sendJson(
      res,
      503,
      refusal('store_unavailable', 'The store is not open: restore it first.'),
    );
  }
  let fileName = 'file';
  try {
    fileName =
      decodeURIComponent(String(req.headers['x-file-name'] ?? 'file')).slice(0, 500) || 'file';
  } catch {
    // A name that does not decode is kept as the generic one.
  }
  const limit = url.searchParams.get('purpose') === 'case' ? MAX_CASE_FILE_BYTES : MAX_IMPORT_BYTES;
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) {
    return tooLarge(req, res, new TooLargeError(fileName, limit).message);
  }
  try {
    sendJson(res, 200, { ok: true, value: await files.upload(fileName, req, limit) });
  } catch (error) {
    if (error instanceof TooLargeError) return tooLarge(req, res, error.message);
    throw error;
  }
}

/** `GET /download/<jobId>/<key>`: an export's file, as an attachment. */
function handleDownload(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: WebServerOptions,
): void {
  const match = /^\/download\/([0-9a-f]{32})\/([0-9a-f]{32})$/.exec(pathname);
  const found = match && options.files()?.download(match[1] ?? '', match[2] ?? '');
  if (!found)
    return send(
      res,
      404,
      'This export is no longer here. Export the case again.',
      'text/plain; charset=utf-8',
    );
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': found.mimeType,
    'Content-Length': String(found.size),
    'Content-Disposition': contentDisposition(found.fileName),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * The request's path, parsed and percent-decoded once; null when malformed (`//[`, a broken
 * `%` escape, a NUL or other control character). Parsing must never throw here: a throw in
 * the request handler would end the process, and any web page can send such a request to a
 * loopback port.
 */
export function parseRequestPath(raw: string | undefined): { url: URL; pathname: string } | null {
  try {
    // Parsed as a path only: a leading `//` must not be read as a host.
    const url = new URL(`http://127.0.0.1${raw?.startsWith('/') ? raw : '/'}`);
    const pathname = decodeURIComponent(url.pathname);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\u0000-\u001f\u007f]/.test(pathname)) return null;
    return { url, pathname };
  } catch {
    return null;
  }
}

export async function startWebServer(options: WebServerOptions): Promise<RunningServer> {
  const guard: GuardConfig = { port: 0, token: options.token };
  const log = options.log ?? ((message: string) => console.error(message));
  // A failure is logged with its details; the answer names none of them (no paths).
  const internal = (res: ServerResponse, error: unknown) => {
    log(`web host: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (res.headersSent) res.destroy();
    else
      sendJson(
        res,
        500,
        refusal('internal', 'Claimdesk could not answer this request. See the web host output.'),
      );
  };
  const server = createServer((req, res) => {
    const parsed = parseRequestPath(req.url);
    if (!parsed)
      return sendJson(res, 400, refusal('invalid_input', 'The request path is malformed.'));
    const { url, pathname } = parsed;
    if (!hostAllowed(req, guard)) {
      return sendJson(res, 403, refusal('forbidden', 'Unknown Host header.'));
    }
    if (!originAllowed(req, guard)) {
      return sendJson(res, 403, refusal('forbidden', 'Cross-origin requests are not allowed.'));
    }
    if (pathname.startsWith('/download/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendJson(res, 405, refusal('forbidden', 'Only GET is served here.'));
      }
      try {
        handleDownload(req, res, pathname, options);
      } catch (error) {
        internal(res, error);
      }
      return;
    }
    if (pathname.startsWith('/api/')) {
      if (!tokenValid(req, guard)) {
        return sendJson(res, 401, refusal('forbidden', 'Missing or wrong access token.'));
      }
      const channel = pathname.slice('/api/'.length);
      const work =
        channel === 'upload'
          ? handleUpload(req, res, url, options)
          : handleApi(req, res, channel, options);
      work.catch((error: unknown) => internal(res, error));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, refusal('forbidden', 'Only GET is served here.'));
    }
    readStatic(options.rendererDir, pathname)
      .then((file) => {
        if (file) send(res, 200, file.body, file.type);
        else send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      })
      .catch((error: unknown) => internal(res, error));
  });
  const socket = attachSocket(server, parseRequestPath, {
    guard,
    dispatch: options.dispatch,
    maxPayload: MAX_BODY_BYTES,
    log,
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
        socket.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
