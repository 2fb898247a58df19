/**
 * `npm run web`: the whole app for a browser. Starts the backend on the data dir and serves
 * the built renderer and the contract on 127.0.0.1, guarded by a per-launch token. A store
 * whose files are damaged starts the recovery mode instead (../backend/session.ts): the app
 * shows what is wrong and offers the backups.
 *
 * Usage: node dist/web/host.mjs [--data-dir DIR] [--port N] [--open]
 */
import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataDirFromArgs, defaultUserDataDir } from '../backend/dataDir';
import { writeFileDurable } from '../backend/store/durableFile';
import { openBackendSession } from '../backend/session';
import { StoreError } from '../backend/store/errors';
import { fileHostFor } from './fileHost';
import { openInBrowser } from './openBrowser';
import { startWebServer } from './server';

declare const CLAIMDESK_VERSION: string;

/** Written to the data dir so that scripts can find the running host and its token. */
export const WEB_HOST_FILE = 'webhost.json';

function portFromArgs(argv: readonly string[]): number | undefined {
  const i = argv.indexOf('--port');
  if (i < 0) return undefined;
  const port = Number(argv[i + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port needs a number between 0 and 65535, not "${argv[i + 1] ?? ''}"`);
  }
  return port;
}

/** How long after serving the claims start loading if no page has asked for them. */
const LOAD_CLAIMS_AFTER_MS = 5000;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = dataDirFromArgs(argv, process.env) ?? defaultUserDataDir();
  // A large case's claims load in the background when the page first needs them (its first
  // claim search), or a moment after the host serves if no page asks: the start, and the
  // page's files and first calls, would otherwise wait behind their parsing (2 cores).
  let serving = (): void => undefined;
  const served = new Promise<void>((resolve) => (serving = resolve)).then(() =>
    sleep(LOAD_CLAIMS_AFTER_MS),
  );
  const backend = await openBackendSession({
    dataDir,
    host: 'web',
    version: CLAIMDESK_VERSION,
    sampleCaseFile: path.join(__dirname, '..', 'data', 'sample-case.json'),
    store: { loadAfter: served },
  });
  const token = randomBytes(32).toString('hex');
  const server = await startWebServer({
    dispatch: backend.dispatch,
    files: () => {
      const ctx = backend.backend?.ctx;
      return ctx ? fileHostFor(ctx) : null;
    },
    rendererDir: path.join(__dirname, '..', 'renderer'),
    token,
    port: portFromArgs(argv),
  });
  const infoFile = path.join(dataDir, WEB_HOST_FILE);
  const launchUrl = `${server.url}#token=${token}`;
  await writeFileDurable(
    infoFile,
    JSON.stringify({ url: server.url, port: server.port, token, pid: process.pid }, null, 2),
  );

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`Claimdesk web host: ${signal}, saving and stopping.`);
    await server.close();
    await backend.close();
    await unlink(infoFile).catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (backend.problem) {
    console.error(`Claimdesk cannot open its store: ${backend.problem.message}`);
    console.error('Starting in recovery: open the link below to restore a backup.');
  }
  console.log(`Claimdesk web host on ${dataDir}`);
  console.log(`Open ${launchUrl}`);
  serving();
  if (argv.includes('--open')) openInBrowser(launchUrl);
}

main().catch((error: unknown) => {
  if (error instanceof StoreError) {
    console.error(`Claimdesk cannot start: ${error.message}`);
  } else {
    console.error(
      `Claimdesk cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  process.exit(1);
});
