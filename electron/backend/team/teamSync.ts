/**
 * The sync of team cases (issue 14, docs/team-sync.md): for each shared case, push what the
 * outbox holds, pull what others pushed, and keep the state the analyst sees. Runs in the
 * background; a round is started by a local edit, a notification from the database, a timer,
 * or the analyst. A round that fails for want of a network is tried again later, with a
 * growing pause; nothing is lost meanwhile (the outbox is on disk).
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store';
import type { BucketedCollection } from '../store/layout';
import type { Outbox } from './outbox';
import { applyPulled } from './pullApply';
import { connectionKey, type SecretStore } from './secrets';
import {
  describeConnection,
  TeamDb,
  TeamError,
  teamError,
  type AvailableCase,
  type PushItem,
  type TeamConflict,
  type TeamMember,
  type TeamRole,
} from './teamDb';
import type { SharedCase, TeamState } from './teamState';

export type SyncState =
  'synced' | 'waiting' | 'syncing' | 'offline' | 'conflict' | 'paused' | 'refused' | 'error';

export interface CaseSyncStatus {
  caseId: string;
  database: string;
  role: TeamRole | null;
  state: SyncState;
  /** Records edited here and not yet in the team database. */
  waiting: number;
  /** Open conflicts of the case. */
  conflicts: number;
  lastSyncedAt: string | null;
  /** What went wrong and what to do, when something did. */
  message: string | null;
}

interface Runtime {
  running: boolean;
  again: boolean;
  timer: NodeJS.Timeout | null;
  failures: number;
  error: TeamError | null;
  role: TeamRole | null;
  /** When the role was last asked (it is asked again now and then, and after a refusal). */
  roleAt: number;
  conflicts: TeamConflict[];
  /** The conflicts must be asked again (a push filed some, a pull brought records). */
  conflictsStale: boolean;
}

/** How long a known role is trusted before it is asked again. */
const ROLE_TTL_MS = 30_000;

/** Records per push transaction and per pulled page. */
const PUSH_BATCH = 200;
const PULL_PAGE = 500;
/** A round now and then even without a notification (one may be lost while offline). */
const POLL_MS = 10_000;
const MAX_RETRY_MS = 15_000;

export interface TeamSyncOptions {
  store: Store;
  outbox: Outbox;
  state: TeamState;
  secrets: SecretStore;
  now: () => string;
  log: (message: string) => void;
  /** Milliseconds between rounds when nothing happens; tests make it short. */
  pollMs?: number;
}

export class TeamSync {
  private readonly dbs = new Map<string, TeamDb>();
  private readonly runtimes = new Map<string, Runtime>();
  private poll: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly o: TeamSyncOptions;

  constructor(options: TeamSyncOptions) {
    this.o = options;
  }

  /** The ids of the shared cases, for the capture of edits (capture.ts). */
  sharedIds(): ReadonlySet<string> {
    return this.shared;
  }

  private shared = new Set<string>();

  /** The shared cases this analyst may write (a reader's are left out once the role is known). */
  writableIds(): ReadonlySet<string> {
    return new Set([...this.shared].filter((id) => this.runtimes.get(id)?.role !== 'reader'));
  }

  start(): void {
    this.shared = new Set(this.o.state.all().map((c) => c.caseId));
    for (const shared of this.o.state.all()) this.kick(shared.caseId);
    this.poll = setInterval(() => {
      for (const shared of this.o.state.all()) this.kick(shared.caseId);
    }, this.o.pollMs ?? POLL_MS);
    this.poll.unref();
  }

  private runtime(caseId: string): Runtime {
    let rt = this.runtimes.get(caseId);
    if (!rt) {
      rt = {
        running: false,
        again: false,
        timer: null,
        failures: 0,
        error: null,
        role: null,
        roleAt: 0,
        conflicts: [],
        conflictsStale: true,
      };
      this.runtimes.set(caseId, rt);
    }
    return rt;
  }

  /** Starts a round for a case soon (edits made together go in one round). */
  kick(caseId: string, delayMs = 20): void {
    const shared = this.o.state.get(caseId);
    if (this.closed || !shared || shared.paused) return;
    const rt = this.runtime(caseId);
    if (rt.running) {
      rt.again = true;
      return;
    }
    if (rt.timer) return;
    rt.timer = setTimeout(() => {
      rt.timer = null;
      void this.run(caseId);
    }, delayMs);
    rt.timer.unref();
  }

  /** Runs one round now and waits for it (the analyst's "Sync now", and tests). */
  async syncNow(caseId: string): Promise<CaseSyncStatus> {
    const rt = this.runtime(caseId);
    while (rt.running) await new Promise((r) => setTimeout(r, 10));
    await this.run(caseId);
    return this.statusOf(caseId);
  }

  private async run(caseId: string): Promise<void> {
    const rt = this.runtime(caseId);
    if (rt.running) {
      rt.again = true;
      return;
    }
    rt.running = true;
    let retryMs: number | null = null;
    try {
      await this.round(caseId, rt);
      rt.error = null;
      rt.failures = 0;
    } catch (error) {
      rt.error = teamError(error);
      rt.failures += 1;
      if (rt.error.kind === 'offline') {
        retryMs = Math.min(MAX_RETRY_MS, 500 * 2 ** Math.min(rt.failures, 5));
      }
      if (rt.error.kind === 'error') this.o.log(`Team sync of case ${caseId}: ${rt.error.message}`);
    } finally {
      rt.running = false;
    }
    if (rt.again) {
      rt.again = false;
      this.kick(caseId);
    } else if (retryMs !== null) {
      this.kick(caseId, retryMs);
    }
  }

  private async round(caseId: string, rt: Runtime): Promise<void> {
    const shared = this.o.state.get(caseId);
    if (!shared || shared.paused) return;
    const db = await this.db(shared.connectionKey);
    if (!rt.role || rt.error || Date.now() - rt.roleAt > ROLE_TTL_MS) {
      rt.role = await db.role(caseId);
      rt.roleAt = Date.now();
      rt.conflictsStale = true;
    }
    if (!rt.role) {
      throw new TeamError(
        'refused',
        'You are not a member of this case in the team database (an owner may have removed you). Your copy stays on this desk.',
      );
    }
    await this.o.store.ready;
    // A reader's copy only takes the database's; there is nothing of theirs to send.
    if (!shared.seeded && rt.role !== 'reader') await this.seed(db, shared);
    // A refused push (a reader's edits) does not stop the pull: the others' edits still come.
    let refused: TeamError | null = null;
    try {
      if (await this.push(db, shared)) rt.conflictsStale = true;
    } catch (error) {
      const failure = teamError(error);
      if (failure.kind !== 'refused') throw failure;
      refused = failure;
    }
    if (await this.pull(db, caseId)) rt.conflictsStale = true;
    if (rt.conflictsStale) {
      rt.conflicts = await db.conflicts(caseId);
      rt.conflictsStale = false;
    }
    if (refused) throw refused;
    this.o.state.patch(caseId, { lastSyncedAt: this.o.now() });
  }

  /** Sends what waits; true when the database filed conflicts. */
  private async push(db: TeamDb, shared: SharedCase): Promise<boolean> {
    let conflicts = false;
    for (;;) {
      const waiting = this.o.outbox.waiting(shared.caseId).slice(0, PUSH_BATCH);
      if (waiting.length === 0) return conflicts;
      const items: PushItem[] = waiting.map((record) => {
        const last = record.steps[record.steps.length - 1];
        return {
          collection: record.collection,
          id: record.id,
          base: record.base,
          value: last?.value ?? null,
          n: last?.n ?? 0,
        };
      });
      try {
        const report = await db.push(shared.caseId, shared.clientId, items, (hash) =>
          this.text(hash),
        );
        if (report.conflicts > 0) conflicts = true;
      } catch (error) {
        const failure = teamError(error);
        if (failure.kind === 'refused' && this.runtime(shared.caseId).role === 'reader') {
          throw new TeamError(
            'refused',
            `The team database refused your edits: you may only read this case. ${this.o.outbox.count(shared.caseId)} edit(s) stay on this desk only.`,
          );
        }
        throw failure;
      }
      this.o.outbox.ack(shared.caseId, Math.max(...items.map((i) => i.n)));
    }
  }

  /** Takes in what others pushed; true when anything came. */
  private async pull(db: TeamDb, caseId: string): Promise<boolean> {
    let any = false;
    for (;;) {
      const shared = this.o.state.get(caseId);
      if (!shared) return any;
      const rows = await db.pull(caseId, shared.cursor, PULL_PAGE);
      if (rows.length === 0) return any;
      any = true;
      const report = await applyPulled(this.o.store, this.o.outbox, caseId, rows, (hashes) =>
        db.texts(caseId, hashes),
      );
      if (report.refused > 0) {
        this.o.log(
          `Team sync of case ${caseId}: ${report.refused} record(s) from the database were not valid and were left out.`,
        );
      }
      if (report.missingTexts > 0) {
        this.o.log(
          `Team sync of case ${caseId}: the team database lacks the text of ${report.missingTexts} document(s); they show as missing their text until someone imports the file again.`,
        );
      }
      this.o.state.patch(caseId, { cursor: rows[rows.length - 1]?.seq ?? shared.cursor });
      if (rows.length < PULL_PAGE) return any;
    }
  }

  /** Sends every record of a case shared from here once (it may be resumed after a crash). */
  private async seed(db: TeamDb, shared: SharedCase): Promise<void> {
    const { store } = this.o;
    const caseId = shared.caseId;
    const batch: PushItem[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      await db.push(caseId, shared.clientId, batch.splice(0), (hash) => this.text(hash));
    };
    const add = async (collection: string, value: { id: string }): Promise<void> => {
      batch.push({
        collection,
        id: value.id,
        base: null,
        value: value,
        n: 0,
      });
      if (batch.length >= PUSH_BATCH) await flush();
    };
    const caseRecord = store.get('cases', caseId);
    if (caseRecord) await add('cases', caseRecord);
    for (const entity of store.list('entities')) await add('entities', entity);
    const claimIds = new Set<string>();
    const perCase: BucketedCollection[] = [
      'documents',
      'claims',
      'links',
      'judgments',
      'briefings',
    ];
    for (const collection of perCase) {
      for (const id of [...store.ids(collection)]) {
        const record = store.get(collection, id) as { id: string; caseId: string } | undefined;
        if (record?.caseId !== caseId) continue;
        if (collection === 'claims') claimIds.add(id);
        await add(collection, record);
      }
    }
    for await (const entries of store.history.entries((claimId) => claimIds.has(claimId))) {
      for (const entry of entries) await add('history', entry);
    }
    await flush();
    await this.o.state.update(caseId, (current) => (current ? { ...current, seeded: true } : null));
  }

  private async text(hash: string): Promise<string | null> {
    try {
      return await this.o.store.texts.get(hash);
    } catch {
      return null;
    }
  }

  /** The database of a connection key, connected (and its schema brought up to date) once. */
  private async db(key: string): Promise<TeamDb> {
    const known = this.dbs.get(key);
    if (known) return known;
    const connection = this.o.secrets.get(key);
    if (!connection) {
      throw new TeamError(
        'refused',
        "The connection to this case's team database is not saved on this desk. Join the case again with its connection string.",
      );
    }
    const db = await TeamDb.connect(connection);
    try {
      await db.open();
    } catch (error) {
      await db.close();
      throw error;
    }
    this.dbs.set(key, db);
    void db.listen(
      (caseId) => {
        // A teammate pushed, or settled a conflict (which writes no record).
        if (this.o.state.has(caseId)) this.runtime(caseId).conflictsStale = true;
        this.kick(caseId);
      },
      () => {
        for (const shared of this.o.state.all())
          if (shared.connectionKey === key) this.kick(shared.caseId);
      },
    );
    return db;
  }

  /** Opens a connection the analyst typed, saving it only once it works. */
  private async connect(connection: string): Promise<{ key: string; db: TeamDb }> {
    describeConnection(connection);
    const key = connectionKey(connection);
    if (!this.o.secrets.get(key)) await this.o.secrets.set(key, connection);
    try {
      return { key, db: await this.db(key) };
    } catch (error) {
      if (!this.o.state.all().some((c) => c.connectionKey === key))
        await this.o.secrets.delete(key);
      throw teamError(error);
    }
  }

  async available(connection: string): Promise<AvailableCase[]> {
    const { db } = await this.connect(connection);
    return db.availableCases();
  }

  /** Shares a local case to a team database: this analyst becomes its owner there. */
  async share(caseId: string, connection: string): Promise<CaseSyncStatus> {
    const record = this.o.store.get('cases', caseId);
    if (!record) throw new TeamError('invalid', 'There is no such case on this desk.');
    if (this.o.state.has(caseId)) throw new TeamError('invalid', 'This case is shared already.');
    const { key, db } = await this.connect(connection);
    try {
      await db.createCase(caseId, record.title);
    } catch (error) {
      // Made by an earlier share that stopped before this desk recorded it: take it up again.
      if ((await db.role(caseId)) !== 'owner') {
        const failure = teamError(error);
        throw /already exists/i.test(failure.message)
          ? new TeamError(
              'invalid',
              'The team database has a case with this id already, and you are not its owner: join it instead, or ask its owners to add you.',
            )
          : failure;
      }
    }
    return this.register(caseId, connection, key, db, false);
  }

  /** Joins a case of a team database: its records come down and are kept in sync. */
  async join(caseId: string, connection: string): Promise<CaseSyncStatus> {
    if (this.o.state.has(caseId)) throw new TeamError('invalid', 'This case is joined already.');
    const { key, db } = await this.connect(connection);
    if (!(await db.role(caseId))) {
      throw new TeamError(
        'refused',
        'You are not a member of that case: ask one of its owners to add you.',
      );
    }
    // A case this desk has already (joined before, then left): what it holds goes up once like
    // a shared case's, so a change made here meanwhile is merged or filed as a conflict instead
    // of being overwritten by the pull.
    return this.register(
      caseId,
      connection,
      key,
      db,
      this.o.store.get('cases', caseId) === undefined,
    );
  }

  /** Records a case as shared with a database, and runs its first round. */
  private async register(
    caseId: string,
    connection: string,
    key: string,
    db: TeamDb,
    seeded: boolean,
  ): Promise<CaseSyncStatus> {
    await this.o.state.update(caseId, () => ({
      caseId,
      connectionKey: key,
      database: describeConnection(connection),
      clientId: randomUUID(),
      login: db.userName ?? undefined,
      cursor: 0,
      seeded,
      paused: false,
      lastSyncedAt: null,
    }));
    this.shared = new Set([...this.shared, caseId]);
    return this.syncNow(caseId);
  }

  /** Stops syncing a case on this desk; the local copy stays, the team database too. */
  async leave(caseId: string): Promise<void> {
    this.o.outbox.forget(caseId);
    await this.o.state.update(caseId, () => null);
    this.shared = new Set([...this.shared].filter((id) => id !== caseId));
    const rt = this.runtimes.get(caseId);
    if (rt?.timer) clearTimeout(rt.timer);
    this.runtimes.delete(caseId);
  }

  /** Works offline on purpose (or goes back online). */
  async setPaused(caseId: string, paused: boolean): Promise<CaseSyncStatus> {
    await this.o.state.update(caseId, (current) => (current ? { ...current, paused } : null));
    if (!paused) return this.syncNow(caseId);
    return this.statusOf(caseId);
  }

  /**
   * The name an edit of this case carries in its claim history: the analyst's login in the
   * team database for a shared case (what teammates know them by), else none.
   */
  authorIn(caseId: string): string | undefined {
    return this.o.state.get(caseId)?.login;
  }

  statusOf(caseId: string): CaseSyncStatus {
    const shared = this.o.state.get(caseId);
    const rt = this.runtime(caseId);
    const waiting = this.o.outbox.count(caseId);
    const conflicts = rt.conflicts.length;
    const state = stateOf(shared, rt, waiting, conflicts);
    return {
      caseId,
      database: shared?.database ?? '',
      role: rt.role,
      state,
      waiting,
      conflicts,
      lastSyncedAt: shared?.lastSyncedAt ?? null,
      message: rt.error?.message ?? null,
    };
  }

  status(): CaseSyncStatus[] {
    return this.o.state.all().map((c) => this.statusOf(c.caseId));
  }

  private async dbOf(caseId: string): Promise<TeamDb> {
    const shared = this.o.state.get(caseId);
    if (!shared) throw new TeamError('invalid', 'This case is not shared.');
    return this.db(shared.connectionKey);
  }

  async members(caseId: string): Promise<TeamMember[]> {
    return (await this.dbOf(caseId)).members(caseId);
  }

  async setMember(caseId: string, member: string, role: TeamRole): Promise<TeamMember[]> {
    const db = await this.dbOf(caseId);
    await db.setMember(caseId, member, role);
    return db.members(caseId);
  }

  async removeMember(caseId: string, member: string): Promise<TeamMember[]> {
    const db = await this.dbOf(caseId);
    await db.removeMember(caseId, member);
    return db.members(caseId);
  }

  /** The case's open conflicts, as of the last round. */
  conflicts(caseId: string): TeamConflict[] {
    return this.runtime(caseId).conflicts;
  }

  /** Marks a conflict resolved in the team database, and starts a round. */
  async resolved(caseId: string, conflictId: number, resolution: string): Promise<void> {
    const db = await this.dbOf(caseId);
    await db.resolveConflict(caseId, conflictId, resolution);
    const rt = this.runtime(caseId);
    rt.conflicts = rt.conflicts.filter((c) => c.id !== conflictId);
    this.kick(caseId);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    for (const rt of this.runtimes.values()) if (rt.timer) clearTimeout(rt.timer);
    const deadline = Date.now() + 5_000;
    while ([...this.runtimes.values()].some((rt) => rt.running) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all([...this.dbs.values()].map((db) => db.close()));
    this.dbs.clear();
    await this.o.state.flush();
  }
}

/** The one state the badge shows: what needs the analyst first (a stop, a failure, conflicts). */
function stateOf(
  shared: SharedCase | undefined,
  rt: Runtime,
  waiting: number,
  conflicts: number,
): SyncState {
  if (!shared) return 'error';
  if (shared.paused) return 'paused';
  if (rt.error) {
    if (rt.error.kind === 'offline') return 'offline';
    return rt.error.kind === 'refused' ? 'refused' : 'error';
  }
  if (conflicts > 0) return 'conflict';
  if (waiting > 0) return rt.running ? 'syncing' : 'waiting';
  return shared.lastSyncedAt ? 'synced' : 'syncing';
}
