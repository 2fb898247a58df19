/**
 * What changed, edit by edit, so a view updates what it shows instead of reloading the case
 * (issue 9: "the renderer ... receives what changed; undo returns what changed"). Each edit's
 * touched record ids are kept in a ring of the last 1,000 edits; a view asks for everything
 * since the version it has, or waits for the next change (the UI, and other windows).
 */
import { randomUUID } from 'node:crypto';
import type { ChangeSet } from '../../../shared/contract/changes';
import type { BucketedCollection } from '../store/layout';

const KEPT = 1000;
/** Past this many ids in one answer, a view reloads what it shows instead. */
const MAX_IDS = 2000;

interface Entry {
  version: number;
  changes: Map<BucketedCollection, Set<string>>;
  cases: Set<string>;
  scores: string[];
  reset: boolean;
}

export class ChangeLog {
  /** Differs between runs of the backend: a view that saw another one reloads. */
  readonly epoch = randomUUID();
  private version = 0;
  private readonly entries: Entry[] = [];
  private current: Entry | null = null;
  private readonly waiting = new Set<() => void>();

  get latest(): number {
    return this.version;
  }

  /** A record an edit touched; `caseId` the case it belongs to (none for shared records). */
  touched(collection: BucketedCollection, id: string, caseId: string | null): void {
    this.current ??= { version: 0, changes: new Map(), cases: new Set(), scores: [], reset: false };
    let ids = this.current.changes.get(collection);
    if (!ids) {
      ids = new Set();
      this.current.changes.set(collection, ids);
    }
    ids.add(id);
    if (caseId) this.current.cases.add(caseId);
  }

  /** The edit is committed: its changes become the next version. */
  commit(scores: string[]): void {
    const entry = this.current ?? {
      version: 0,
      changes: new Map(),
      cases: new Set(),
      scores: [],
      reset: false,
    };
    this.current = null;
    this.push({ ...entry, scores });
  }

  /** Everything may have changed (the claims finished loading, a repair): views reload. */
  reset(): void {
    this.push({ version: 0, changes: new Map(), cases: new Set(), scores: [], reset: true });
  }

  private push(entry: Entry): void {
    this.version += 1;
    this.entries.push({ ...entry, version: this.version });
    if (this.entries.length > KEPT) this.entries.shift();
    for (const wake of [...this.waiting]) wake();
  }

  /** The changes after `since`, merged; `reset` when they are no longer all known. */
  since(since: number): ChangeSet {
    const base: ChangeSet = {
      epoch: this.epoch,
      version: this.version,
      reset: false,
      cases: [],
      records: {},
      scores: [],
    };
    if (since >= this.version) return base;
    const first = this.entries[0];
    if (!first || first.version > since + 1) return { ...base, reset: true };
    const records = new Map<BucketedCollection, Set<string>>();
    const cases = new Set<string>();
    const scores = new Set<string>();
    let count = 0;
    for (const entry of this.entries) {
      if (entry.version <= since) continue;
      if (entry.reset) return { ...base, reset: true };
      for (const [collection, ids] of entry.changes) {
        let set = records.get(collection);
        if (!set) {
          set = new Set();
          records.set(collection, set);
        }
        for (const id of ids) set.add(id);
        count += ids.size;
      }
      entry.cases.forEach((c) => cases.add(c));
      entry.scores.forEach((s) => scores.add(s));
    }
    if (count + scores.size > MAX_IDS) return { ...base, reset: true, cases: [...cases] };
    return {
      ...base,
      cases: [...cases],
      records: Object.fromEntries([...records].map(([k, v]) => [k, [...v]])),
      scores: [...scores],
    };
  }

  /** Resolves once there is a version after `since`, or after `timeoutMs`. */
  wait(since: number, timeoutMs: number): Promise<void> {
    if (this.version > since) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiting.add(done);
    });
  }
}
