/**
 * Test helper: a throwaway PostgreSQL cluster for the team-database tests (issue 14).
 *
 * The cluster lives in a fresh temp dir, listens on a Unix socket in that dir only (no TCP, so
 * parallel test files and other engineers' clusters never collide), and authenticates with
 * scram-sha-256 even locally, so the tests go through the same password path as a real team
 * database. One cluster per test file:
 *
 *   let cluster: PgCluster;
 *   beforeAll(async () => { cluster = await startCluster(); }, 60_000);
 *   afterAll(async () => { await cluster?.stop(); });
 *
 * `stop()` is safe to call twice and after a failed test; a process `exit` hook also stops
 * the server synchronously, so a worker that ends without running afterAll (a crash, a
 * timeout) does not leave a postmaster behind. Only SIGKILL of the test process can.
 *
 * When running as root (CI), initdb and the server run as the `postgres` OS user, because
 * PostgreSQL refuses to run as root; otherwise as the current user.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgCluster {
  /** The dir holding the socket (`.s.PGSQL.<port>`), the data dir and the server log. */
  readonly socketDir: string;
  readonly port: number;
  /** Always `claimdesk`. */
  readonly database: string;
  /** The superuser `postgres`, with its random password. */
  readonly adminUrl: string;
  /** `postgresql://role:password@/claimdesk?host=<socketDir>&port=<port>`, URL-encoded. */
  urlFor(role: string, password: string): string;
  /**
   * `CREATE ROLE name LOGIN PASSWORD ... IN ROLE claimdesk_user`, creating the NOLOGIN group
   * role first when no migration has yet (so the order of setup steps does not matter).
   */
  createLogin(name: string, password: string): Promise<void>;
  /** One statement as the superuser, on a connection of its own; the result's rows. */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    params?: unknown[],
  ): Promise<R[]>;
  /** Stops the server at once and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
  /** Stops the server but keeps the data (fault tests): `fast` closes sessions cleanly. */
  stopServer(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts the server again on the same socket and port. */
  startServer(): Promise<void>;
  /** stopServer then startServer: every open connection is cut. */
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
}

export class PostgresMissingError extends Error {
  constructor(detail: string) {
    super(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found: install PostgreSQL 13+ ' +
        '(Debian: apt-get install postgresql) or set CLAIMDESK_PG_BIN to the dir holding ' +
        `initdb. ${detail}`,
    );
    this.name = 'PostgresMissingError';
  }
}

let pgBinCache: string | undefined;

/**
 * The dir of initdb/pg_ctl: CLAIMDESK_PG_BIN, else Debian's /usr/lib/postgresql/15/bin (then
 * any other version there, newest first), else `pg_config --bindir`. Throws
 * PostgresMissingError when none holds initdb.
 */
export function pgBin(): string {
  if (pgBinCache !== undefined) return pgBinCache;
  const tried: string[] = [];
  const has = (dir: string): boolean => {
    tried.push(dir);
    return existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
  };
  const fromEnv = process.env.CLAIMDESK_PG_BIN;
  if (fromEnv) {
    // An explicit setting that is wrong is an error, not a reason to pick another install.
    if (!has(fromEnv)) throw new PostgresMissingError(`CLAIMDESK_PG_BIN=${fromEnv} has no initdb.`);
    return (pgBinCache = fromEnv);
  }
  const candidates = ['/usr/lib/postgresql/15/bin', ...debianBinDirs()];
  for (const dir of candidates) if (has(dir)) return (pgBinCache = dir);
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (dir && has(dir)) return (pgBinCache = dir);
  } catch {
    // pg_config is not on PATH: fall through to the error naming what was tried.
  }
  throw new PostgresMissingError(`Tried ${tried.join(', ')} and pg_config --bindir.`);
}

function debianBinDirs(): string[] {
  try {
    return execFileSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' })
      .split('\n')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    return [];
  }
}

/** Runs a PostgreSQL binary, as `postgres` when we are root (the server refuses root). */
function asServerUser(asRoot: boolean, file: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

export async function startCluster(): Promise<PgCluster> {
  const bin = pgBin();
  const asRoot = process.getuid?.() === 0;
  // Short prefix: a Unix socket path must fit in ~107 bytes.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cdpg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = randomInt(20_000, 60_001);
  const database = 'claimdesk';
  const password = randomBytes(18).toString('base64url');
  let running = false;
  let removed = false;

  const exec = async (name: string, args: string[]): Promise<void> => {
    const [file, argv] = asServerUser(asRoot, path.join(bin, name), args);
    try {
      await run(file, argv, { encoding: 'utf8' });
    } catch (error) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${name} failed: ${reason}${log ? `\nserver log:\n${log.slice(-4000)}` : ''}`,
        { cause: error },
      );
    }
  };
  const serverOptions = `-k ${dir} -c listen_addresses='' -p ${port} -c fsync=off`;
  const pgCtlStart = (): Promise<void> =>
    // -l: without a log file the server keeps pg_ctl's stdout open and execFile never returns.
    exec('pg_ctl', ['start', '-w', '-t', '30', '-D', dataDir, '-l', logFile, '-o', serverOptions]);
  const pgCtlStop = (mode: 'fast' | 'immediate'): Promise<void> =>
    exec('pg_ctl', ['stop', '-w', '-D', dataDir, '-m', mode]);

  // The exit hook: synchronous, best effort, for a worker that never reaches afterAll.
  const onExit = (): void => {
    if (!running) return;
    try {
      const [file, argv] = asServerUser(asRoot, path.join(bin, 'pg_ctl'), [
        'stop',
        '-D',
        dataDir,
        '-m',
        'immediate',
      ]);
      execFileSync(file, argv, { stdio: 'ignore' });
    } catch {
      // Nothing more can be done while the process exits.
    }
  };

  const stop = async (): Promise<void> => {
    process.off('exit', onExit);
    try {
      if (running) {
        running = false;
        await pgCtlStop('immediate');
      }
    } finally {
      if (!removed) {
        removed = true;
        await rm(dir, { recursive: true, force: true });
      }
    }
  };

  try {
    const pwFile = path.join(dir, 'pwfile');
    await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    if (asRoot) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      await chown(dir, uid, gid);
      await chown(pwFile, uid, gid);
    }
    await chmod(dir, 0o700);
    await exec('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth-local=scram-sha-256',
      '--auth-host=scram-sha-256',
      `--pwfile=${pwFile}`,
      '-E',
      'UTF8',
      '--locale=C',
      // A throwaway cluster need not survive a power cut; this saves seconds per start.
      '--no-sync',
    ]);
    await rm(pwFile, { force: true });
    await pgCtlStart();
    running = true;
    process.on('exit', onExit);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  const urlIn = (db: string, role: string, pw: string): string =>
    `postgresql://${encodeURIComponent(role)}:${encodeURIComponent(pw)}@/${db}` +
    `?host=${encodeURIComponent(dir)}&port=${port}`;
  const urlFor = (role: string, pw: string): string => urlIn(database, role, pw);
  const adminUrl = urlFor('postgres', password);

  const sql = async <R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    params?: unknown[],
    url = adminUrl,
  ): Promise<R[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<R>(text, params)).rows;
    } finally {
      await client.end();
    }
  };

  try {
    // From the maintenance database: `claimdesk` does not exist yet.
    await sql(`CREATE DATABASE ${database}`, [], urlIn('postgres', 'postgres', password));
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  return {
    socketDir: dir,
    port,
    database,
    adminUrl,
    urlFor,
    async createLogin(name, pw) {
      await sql(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'claimdesk_user') THEN
          CREATE ROLE claimdesk_user NOLOGIN;
        END IF;
      END $$`);
      await sql(
        `CREATE ROLE ${pg.escapeIdentifier(name)} LOGIN PASSWORD ${pg.escapeLiteral(pw)} ` +
          'IN ROLE claimdesk_user',
      );
    },
    sql: (text, params) => sql(text, params),
    stop,
    async stopServer(mode = 'fast') {
      if (!running) return;
      running = false;
      await pgCtlStop(mode);
    },
    async startServer() {
      if (running) return;
      await pgCtlStart();
      running = true;
    },
    async restart(mode = 'fast') {
      if (running) {
        running = false;
        await pgCtlStop(mode);
      }
      await pgCtlStart();
      running = true;
    },
  };
}
