/**
 * What this desk knows of its shared cases (issue 14), in `team/cases.json`: which database
 * each one syncs with (a key naming the connection, never the connection itself), how far it
 * has pulled, and this desk's client id there. Written durably after every sync round.
 */
import { readFile, rename } from 'node:fs/promises';
import { isNotFound, writeFileDurable } from '../store/durableFile';

export const TEAM_DIR = 'team';

export interface SharedCase {
  caseId: string;
  /** Names the connection in the secret store (secrets.ts). */
  connectionKey: string;
  /** The database as the user may see it: role, host and database name, no password. */
  database: string;
  /** This desk's id in the team database (the `clients` table). */
  clientId: string;
  /** The highest `seq` of the case's records pulled. */
  cursor: number;
  /** False until every record of a case shared from here has gone up once. */
  seeded: boolean;
  /** Sync stopped by the user (working offline on purpose). */
  paused: boolean;
  /** This analyst's login in the team database: the name their edits of the case carry. */
  login?: string;
  /** When the last round finished without error, ISO 8601. */
  lastSyncedAt: string | null;
}

const LAZY_SAVE_MS = 1_000;

export class TeamState {
  private readonly cases = new Map<string, SharedCase>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  /**
   * Reads the list. A damaged file is set aside (the app must open whatever happened to it):
   * the cases are then joined again, their edits still waiting in the outbox.
   */
  static async open(
    file: string,
    log: (message: string) => void = () => undefined,
  ): Promise<TeamState> {
    const state = new TeamState(file);
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { cases?: SharedCase[] };
      for (const shared of parsed.cases ?? []) {
        if (typeof shared?.caseId === 'string') state.cases.set(shared.caseId, shared);
      }
    } catch (error) {
      if (!isNotFound(error)) {
        const aside = `${file}.damaged-${Date.now()}`;
        await rename(file, aside).catch(() => undefined);
        log(
          `The list of shared cases could not be read (${error instanceof Error ? error.message : String(error)}); it was set aside as ${aside}. ` +
            'Join the shared cases again: their records are in the team database, and edits made here still wait to be sent.',
        );
      }
    }
    return state;
  }

  get(caseId: string): SharedCase | undefined {
    return this.cases.get(caseId);
  }

  all(): SharedCase[] {
    return [...this.cases.values()];
  }

  has(caseId: string): boolean {
    return this.cases.has(caseId);
  }

  /** Changes a case's entry (or adds it) and writes the file; writes never overlap. */
  async update(caseId: string, change: (current: SharedCase | undefined) => SharedCase | null) {
    const next = change(this.cases.get(caseId));
    if (next) this.cases.set(caseId, next);
    else this.cases.delete(caseId);
    await this.save();
  }

  /**
   * Changes a case's entry in memory and writes the file a moment later: for the pull
   * cursor and the time of the last round, which cost nothing to redo when lost (a pull from
   * an older cursor applies nothing twice).
   */
  patch(caseId: string, fields: Partial<Pick<SharedCase, 'cursor' | 'lastSyncedAt'>>): void {
    const current = this.cases.get(caseId);
    if (!current) return;
    this.cases.set(caseId, { ...current, ...fields });
    this.lazy ??= setTimeout(() => {
      this.lazy = null;
      void this.save().catch(() => undefined);
    }, LAZY_SAVE_MS);
  }

  private lazy: NodeJS.Timeout | null = null;

  /** Writes what `patch` left in memory (at close). */
  async flush(): Promise<void> {
    if (!this.lazy) return this.writing;
    clearTimeout(this.lazy);
    this.lazy = null;
    await this.save();
  }

  save(): Promise<void> {
    const data = JSON.stringify({ cases: this.all() }, null, 2);
    this.writing = this.writing.then(
      () => writeFileDurable(this.file, data),
      () => writeFileDurable(this.file, data),
    );
    return this.writing;
  }
}
