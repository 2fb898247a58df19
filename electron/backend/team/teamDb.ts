/**
 * One team database (issue 14), through the `pg` driver, as the analyst's own PostgreSQL role:
 * every read and write below is checked by the database's row-level security
 * (migrations/001_init.ts), whatever this client does.
 */
import type pg from 'pg';
import { parse as parseConnection } from 'pg-connection-string';
import { mergeRecord, sameJson, type JsonRecord, type MergeConflict } from './merge';
import { migrateTeamDb, TeamDbTooNewError, TeamMigrationPermissionError } from './migrate';

export type TeamRole = 'reader' | 'analyst' | 'owner';

/** What went wrong, in words for the analyst; the connection string never appears. */
export class TeamError extends Error {
  constructor(
    readonly kind: 'offline' | 'refused' | 'invalid' | 'error',
    message: string,
  ) {
    super(message);
    this.name = 'TeamError';
  }
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
]);

/** Sorts a driver error into what the sync does next: retry later, or tell the analyst. */
export function teamError(error: unknown): TeamError {
  if (error instanceof TeamError) return error;
  // The schema is newer than this app, or behind and this login may not bring it up to date.
  if (error instanceof TeamDbTooNewError || error instanceof TeamMigrationPermissionError) {
    return new TeamError('refused', error.message);
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (
    (typeof code === 'string' && (OFFLINE_CODES.has(code) || code.startsWith('08'))) ||
    /Connection terminated|timeout|connect ECONN|socket/i.test(message)
  ) {
    return new TeamError('offline', `The team database cannot be reached (${message}).`);
  }
  if (code === '42501') {
    return new TeamError('refused', `The team database refused this: ${message}.`);
  }
  if (code === '28P01' || code === '28000') {
    return new TeamError(
      'refused',
      'The team database did not accept the user name or password. Check them with your database administrator.',
    );
  }
  return new TeamError('error', `The team database answered with an error: ${message}.`);
}

/** The database as the analyst may see it: role, host, database; never the password. */
export function describeConnection(connection: string): string {
  if (!/^postgres(ql)?:\/\//.test(connection.trim())) {
    throw new TeamError(
      'invalid',
      'That is not a PostgreSQL connection string. It looks like postgresql://user:password@host:5432/database.',
    );
  }
  const parts = parseConnection(connection);
  const host = parts.host || 'localhost';
  return `${parts.user || '(default user)'} @ ${host}${parts.port ? `:${parts.port}` : ''} / ${parts.database || 'postgres'}`;
}

export interface PushItem {
  collection: string;
  id: string;
  base: JsonRecord | null | undefined;
  value: JsonRecord | null;
  /** The outbox number of the edit it carries. */
  n: number;
}

export interface PushReport {
  written: number;
  conflicts: number;
  /** Items the database had committed already (an answer lost on the way). */
  skipped: number;
}

export interface PulledRecord {
  collection: string;
  id: string;
  value: JsonRecord | null;
  seq: number;
  by: string;
}

export interface TeamConflict {
  id: number;
  collection: string;
  recordId: string;
  kind: MergeConflict['kind'];
  fields: string[];
  kept: JsonRecord | null;
  proposed: JsonRecord | null;
  proposedBy: string;
  createdAt: string;
}

export interface TeamMember {
  member: string;
  role: TeamRole;
  addedBy: string;
  addedAt: string;
}

export interface AvailableCase {
  caseId: string;
  title: string;
  role: TeamRole;
}

/** The texts a push needs, read from the local store by hash (null when missing). */
export type TextSource = (hash: string) => Promise<string | null>;

export class TeamDb {
  private readonly pool: pg.Pool;
  private listener: pg.Client | null = null;
  private closed = false;
  private user: string | null = null;

  /**
   * The pg driver is loaded when a team database is first opened, not when the backend
   * starts: most desks share no case, and evaluating it took about 40 ms of every start.
   */
  static async connect(connection: string): Promise<TeamDb> {
    describeConnection(connection);
    const { default: driver } = await import('pg');
    return new TeamDb(connection, driver);
  }

  private constructor(
    private readonly connection: string,
    private readonly driver: typeof pg,
  ) {
    this.pool = new driver.Pool({
      connectionString: connection,
      max: 3,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 10_000,
      application_name: 'claimdesk',
      query_timeout: 60_000,
    });
    // An idle connection that drops (the server restarts) must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** Connects, brings the schema up to date when allowed, and answers with the role's name. */
  async open(): Promise<string> {
    try {
      const client = await this.pool.connect();
      const ignore = (): void => undefined;
      client.on('error', ignore);
      try {
        await migrateTeamDb(client);
        const { rows } = await client.query<{ user: string }>('SELECT current_user AS "user"');
        this.user = rows[0]?.user ?? '';
        return this.user;
      } finally {
        client.off('error', ignore);
        client.release();
      }
    } catch (error) {
      throw teamError(error);
    }
  }

  get userName(): string | null {
    return this.user;
  }

  private async query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<R[]> {
    try {
      return (await this.pool.query<R>(text, values)).rows;
    } catch (error) {
      throw teamError(error);
    }
  }

  private async transaction<R>(work: (client: pg.PoolClient) => Promise<R>): Promise<R> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw teamError(error);
    }
    // A connection cut while checked out also emits 'error' on the client (besides failing
    // the query): unheard, it would end the process. The query's failure is what counts.
    let failed = false;
    const onError = (): void => {
      failed = true;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      const failure = teamError(error);
      if (failure.kind === 'offline') failed = true;
      else await client.query('ROLLBACK').catch(() => undefined);
      throw failure;
    } finally {
      client.off('error', onError);
      // A broken connection is dropped, not put back for the next round.
      client.release(failed);
    }
  }

  async createCase(caseId: string, title: string): Promise<void> {
    await this.query('SELECT claimdesk.create_case($1, $2)', [caseId, title]);
  }

  async availableCases(): Promise<AvailableCase[]> {
    const rows = await this.query<{ case_id: string; title: string; role: TeamRole | null }>(
      'SELECT case_id, title, claimdesk.case_role(case_id) AS role FROM claimdesk.cases ORDER BY title, case_id',
    );
    return rows.flatMap((r) =>
      r.role ? [{ caseId: r.case_id, title: r.title, role: r.role }] : [],
    );
  }

  async role(caseId: string): Promise<TeamRole | null> {
    const rows = await this.query<{ role: TeamRole | null }>(
      'SELECT claimdesk.case_role($1) AS role',
      [caseId],
    );
    return rows[0]?.role ?? null;
  }

  /**
   * Pushes a batch of one case's edits in one transaction: the case is locked (next_seq), the
   * items this client already committed are skipped, texts go up once per hash, each item is
   * merged against the database's row (merge.ts), and the client's acknowledgement moves on.
   */
  async push(
    caseId: string,
    clientId: string,
    items: readonly PushItem[],
    texts: TextSource,
  ): Promise<PushReport> {
    if (items.length === 0) return { written: 0, conflicts: 0, skipped: 0 };
    return this.transaction(async (client) => {
      const top = await client.query<{ seq: string }>('SELECT claimdesk.next_seq($1, $2) AS seq', [
        caseId,
        items.length,
      ]);
      let seq = Number(top.rows[0]?.seq ?? 0) - items.length;
      await client.query(
        'INSERT INTO claimdesk.clients (case_id, client_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [caseId, clientId],
      );
      const acked = await client.query<{ acked_through: string }>(
        'SELECT acked_through FROM claimdesk.clients WHERE case_id = $1 AND client_id = $2 FOR UPDATE',
        [caseId, clientId],
      );
      const through = Number(acked.rows[0]?.acked_through ?? 0);
      // n 0: a record sent when the case was shared (seed), not an outbox entry.
      const fresh = items.filter((item) => item.n === 0 || item.n > through);
      await this.sendTexts(client, caseId, fresh, texts);
      const current = await client.query<{
        collection: string;
        record_id: string;
        value: JsonRecord | null;
      }>(
        `SELECT r.collection, r.record_id, r.value FROM claimdesk.records r
           JOIN unnest($2::text[], $3::text[]) AS t(collection, record_id)
             ON r.collection = t.collection AND r.record_id = t.record_id
          WHERE r.case_id = $1`,
        [caseId, fresh.map((i) => i.collection), fresh.map((i) => i.id)],
      );
      const rows = new Map(
        current.rows.map((r) => [`${r.collection}\u0000${r.record_id}`, r.value]),
      );
      const writes: { collection: string; id: string; value: string | null; seq: number }[] = [];
      const conflicts: { collection: string; id: string; conflict: MergeConflict }[] = [];
      for (const item of fresh) {
        const key = `${item.collection}\u0000${item.id}`;
        const result = mergeRecord(
          item.base,
          item.value,
          rows.has(key) ? rows.get(key) : undefined,
        );
        if (result.conflict)
          conflicts.push({ collection: item.collection, id: item.id, conflict: result.conflict });
        // Written when it changed, and also when this desk's copy differs from what the
        // database keeps: the new seq brings the kept value back to it on the next pull.
        const differsHere = !sameJson(result.value, item.value);
        if (result.write || (differsHere && rows.has(key))) {
          writes.push({
            collection: item.collection,
            id: item.id,
            value: result.value === null ? null : JSON.stringify(result.value),
            seq: ++seq,
          });
          rows.set(key, result.value);
        }
      }
      if (writes.length > 0) {
        await client.query(
          `INSERT INTO claimdesk.records (case_id, collection, record_id, value, seq)
           SELECT $1, t.collection, t.record_id, t.value, t.seq
             FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::bigint[]) AS t(collection, record_id, value, seq)
           ON CONFLICT (case_id, collection, record_id) DO UPDATE
             SET value = EXCLUDED.value, seq = EXCLUDED.seq,
                 updated_by = current_user, updated_at = now()`,
          [
            caseId,
            writes.map((w) => w.collection),
            writes.map((w) => w.id),
            writes.map((w) => w.value),
            writes.map((w) => w.seq),
          ],
        );
      }
      if (conflicts.length > 0) {
        await client.query(
          `INSERT INTO claimdesk.conflicts (case_id, collection, record_id, kind, fields, kept, proposed)
           SELECT $1, t.collection, t.record_id, t.kind, string_to_array(t.fields, ','), t.kept, t.proposed
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])
               AS t(collection, record_id, kind, fields, kept, proposed)`,
          [
            caseId,
            conflicts.map((c) => c.collection),
            conflicts.map((c) => c.id),
            conflicts.map((c) => c.conflict.kind),
            conflicts.map((c) => c.conflict.fields.join(',')),
            conflicts.map((c) => (c.conflict.kept ? JSON.stringify(c.conflict.kept) : null)),
            conflicts.map((c) =>
              c.conflict.proposed ? JSON.stringify(c.conflict.proposed) : null,
            ),
          ],
        );
      }
      const last = Math.max(...items.map((i) => i.n));
      if (last > through) {
        await client.query(
          'UPDATE claimdesk.clients SET acked_through = $3 WHERE case_id = $1 AND client_id = $2',
          [caseId, clientId, last],
        );
      }
      if (writes.length > 0 || conflicts.length > 0) {
        await client.query("SELECT pg_notify('claimdesk', $1)", [caseId]);
      }
      return {
        written: writes.length,
        conflicts: conflicts.length,
        skipped: items.length - fresh.length,
      };
    });
  }

  /** Sends the texts of the documents in a push that the database does not hold yet. */
  private async sendTexts(
    client: pg.PoolClient,
    caseId: string,
    items: readonly PushItem[],
    texts: TextSource,
  ): Promise<void> {
    const hashes = new Set<string>();
    for (const item of items) {
      const hash = item.collection === 'documents' ? item.value?.contentHash : undefined;
      if (typeof hash === 'string') hashes.add(hash);
    }
    if (hashes.size === 0) return;
    const held = await client.query<{ hash: string }>(
      'SELECT hash FROM claimdesk.texts WHERE case_id = $1 AND hash = ANY($2::text[])',
      [caseId, [...hashes]],
    );
    for (const { hash } of held.rows) hashes.delete(hash);
    for (const hash of hashes) {
      const text = await texts(hash);
      // A text missing here (issue 10) goes up with its document later, once imported again.
      if (text === null) continue;
      await client.query(
        'INSERT INTO claimdesk.texts (case_id, hash, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [caseId, hash, text],
      );
    }
  }

  /** The case's records changed after `cursor`, oldest first. */
  async pull(caseId: string, cursor: number, limit: number): Promise<PulledRecord[]> {
    const rows = await this.query<{
      collection: string;
      record_id: string;
      value: JsonRecord | null;
      seq: string;
      updated_by: string;
    }>(
      `SELECT collection, record_id, value, seq, updated_by FROM claimdesk.records
        WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [caseId, cursor, limit],
    );
    return rows.map((r) => ({
      collection: r.collection,
      id: r.record_id,
      value: r.value,
      seq: Number(r.seq),
      by: r.updated_by,
    }));
  }

  async texts(caseId: string, hashes: readonly string[]): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.query<{ hash: string; content: string }>(
      'SELECT hash, content FROM claimdesk.texts WHERE case_id = $1 AND hash = ANY($2::text[])',
      [caseId, hashes],
    );
    return new Map(rows.map((r) => [r.hash, r.content]));
  }

  async members(caseId: string): Promise<TeamMember[]> {
    const rows = await this.query<{
      member: string;
      role: TeamRole;
      added_by: string;
      added_at: Date;
    }>(
      'SELECT member, role, added_by, added_at FROM claimdesk.members WHERE case_id = $1 ORDER BY member',
      [caseId],
    );
    return rows.map((r) => ({
      member: r.member,
      role: r.role,
      addedBy: r.added_by,
      addedAt: new Date(r.added_at).toISOString(),
    }));
  }

  /** Adds a member or changes their role; only an owner may (row-level security). */
  async setMember(caseId: string, member: string, role: TeamRole): Promise<void> {
    const exists = await this.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [member]);
    if (exists.length === 0) {
      throw new TeamError(
        'invalid',
        `The team database has no login named "${member}". Ask its administrator to create it (README, "Team cases").`,
      );
    }
    await this.query(
      `INSERT INTO claimdesk.members (case_id, member, role) VALUES ($1, $2, $3)
       ON CONFLICT (case_id, member) DO UPDATE SET role = EXCLUDED.role`,
      [caseId, member, role],
    );
  }

  async removeMember(caseId: string, member: string): Promise<void> {
    const rows = await this.query(
      'DELETE FROM claimdesk.members WHERE case_id = $1 AND member = $2 RETURNING member',
      [caseId, member],
    );
    if (rows.length === 0) {
      throw new TeamError(
        'refused',
        `"${member}" is not a member, or only an owner may remove members.`,
      );
    }
  }

  async conflicts(caseId: string): Promise<TeamConflict[]> {
    const rows = await this.query<{
      id: string;
      collection: string;
      record_id: string;
      kind: MergeConflict['kind'];
      fields: string[];
      kept: JsonRecord | null;
      proposed: JsonRecord | null;
      proposed_by: string;
      created_at: Date;
    }>(
      `SELECT id, collection, record_id, kind, fields, kept, proposed, proposed_by, created_at
         FROM claimdesk.conflicts WHERE case_id = $1 AND resolved_at IS NULL ORDER BY id LIMIT 500`,
      [caseId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      collection: r.collection,
      recordId: r.record_id,
      kind: r.kind,
      fields: r.fields,
      kept: r.kept,
      proposed: r.proposed,
      proposedBy: r.proposed_by,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async resolveConflict(caseId: string, id: number, resolution: string): Promise<boolean> {
    const rows = await this.query(
      `WITH settled AS (
         UPDATE claimdesk.conflicts SET resolved_by = current_user, resolved_at = now(), resolution = $3
          WHERE case_id = $1 AND id = $2 AND resolved_at IS NULL RETURNING id)
       SELECT id, pg_notify('claimdesk', $1) FROM settled`,
      [caseId, id, resolution],
    );
    return rows.length > 0;
  }

  /**
   * Listens for other desks' pushes (NOTIFY claimdesk, case id). Reconnects after a drop;
   * `onDrop` and `onBack` let the sync show the state and pull what it missed.
   */
  async listen(onCase: (caseId: string) => void, onBack: () => void): Promise<void> {
    if (this.closed || this.listener) return;
    const client = new this.driver.Client({
      connectionString: this.connection,
      application_name: 'claimdesk-listen',
    });
    this.listener = client;
    const retry = (): void => {
      if (this.listener !== client) return;
      this.listener = null;
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (!this.closed)
        setTimeout(() => void this.listen(onCase, onBack).catch(() => undefined), 2_000).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => {
      if (message.payload) onCase(message.payload);
    });
    try {
      await client.connect();
      await client.query('LISTEN claimdesk');
      onBack();
    } catch {
      retry();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      listener.removeAllListeners();
      await listener.end().catch(() => undefined);
    }
    await this.pool.end().catch(() => undefined);
  }
}
