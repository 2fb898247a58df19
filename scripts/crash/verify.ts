/**
 * Checking a data dir after a kill: open it in this process as the next start would (the
 * stale lock taken over, the store opened), read everything it holds into a View (history
 * included, from its segment parts: Store.snapshot()), and compare that with the model of
 * every acknowledged edit.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  Case,
  Claim,
  ClaimDocument,
  Entity,
  EvidenceLink,
  Judgment,
} from '../../shared/domain/schemas';
import { DataDirLock } from '../../electron/backend/store/lock';
import { openStore } from '../../electron/backend/store/openStore';
import { SnapshotSchema } from '../../electron/backend/store/schema';
import { LOCK_FILE, type OpenReport, type Store } from '../../electron/backend/store/store';
import { hashText } from '../../electron/backend/store/textStore';
import { markerOf, type Edit, type Model } from './edits';

/** Everything a store holds, by id; history as a count of entries per claim. */
export interface View {
  cases: Map<string, Case>;
  documents: Map<string, ClaimDocument>;
  claims: Map<string, Claim>;
  entities: Map<string, Entity>;
  links: Map<string, EvidenceLink>;
  judgments: Map<string, Judgment>;
  history: Map<string, number>;
  report: OpenReport;
  /** Document texts by document id (null when unreadable). */
  texts: Map<string, string | null>;
  /** What breaks the store's own integrity (a record half there, a text that does not match). */
  problems: string[];
}

const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> =>
  new Map(list.map((r) => [r.id, r]));

/** Opens the store in `dir` (taking the lock as a start would), reads it all, closes it. */
export async function openAndRead(dir: string): Promise<View> {
  const lock = await DataDirLock.acquire(path.join(dir, LOCK_FILE), 'the crash harness');
  try {
    const store = await openStore(dir, { idleFoldMs: 0, progressive: false, log: () => undefined });
    try {
      return await readView(store);
    } finally {
      await store.close();
    }
  } finally {
    await lock.release();
  }
}

async function readView(store: Store): Promise<View> {
  const snapshot = await store.snapshot();
  const problems: string[] = [];
  const parsed = SnapshotSchema.safeParse(snapshot);
  if (!parsed.success) problems.push(`snapshot does not validate: ${parsed.error.message}`);
  const history = new Map<string, number>();
  for (const entry of snapshot.history) {
    history.set(entry.claimId, (history.get(entry.claimId) ?? 0) + 1);
  }
  const texts = new Map<string, string | null>();
  for (const doc of snapshot.documents) {
    try {
      const text = await store.texts.get(doc.contentHash);
      if (hashText(text) !== doc.contentHash || text.length !== doc.textLength) {
        problems.push(`document ${doc.id}: its text file does not match its hash or length`);
      }
      texts.set(doc.id, text);
    } catch (error) {
      texts.set(doc.id, null);
      problems.push(`document ${doc.id}: text unreadable (${String(error)})`);
    }
  }
  const view: View = {
    cases: byId(snapshot.cases),
    documents: byId(snapshot.documents),
    claims: byId(snapshot.claims),
    entities: byId(snapshot.entities),
    links: byId(snapshot.links),
    judgments: byId(snapshot.judgments),
    history,
    report: store.report,
    texts,
    problems,
  };
  problems.push(...integrityProblems(view));
  return view;
}

/** Referential integrity: what an edit writes in one journal line must never be half there. */
function integrityProblems(view: View): string[] {
  const problems: string[] = [];
  for (const doc of view.documents.values()) {
    if (!view.cases.has(doc.caseId)) problems.push(`document ${doc.id} of a missing case`);
  }
  for (const claim of view.claims.values()) {
    const text = view.texts.get(claim.documentId);
    if (text === undefined) problems.push(`claim ${claim.id} on a missing document`);
    else if (
      text !== null &&
      text.slice(claim.anchor.start, claim.anchor.end) !== claim.anchor.exact
    ) {
      problems.push(`claim ${claim.id}: its anchor does not match the document`);
    }
    if (!view.history.has(claim.id)) problems.push(`claim ${claim.id} has no history`);
  }
  for (const link of view.links.values()) {
    const target = link.target.kind === 'claim' ? link.target.claimId : null;
    if (!view.claims.has(link.fromClaimId) || (target && !view.claims.has(target))) {
      problems.push(`link ${link.id} touches a missing claim`);
    }
  }
  for (const judgment of view.judgments.values()) {
    if (judgment.basis.some((b) => !view.claims.has(b.claimId))) {
      problems.push(`judgment ${judgment.id} rests on a missing claim`);
    }
  }
  return problems;
}

/** Landed, not landed, or cannot tell (a later edit in flight overwrote or removed it). */
export type Landing = 'yes' | 'no' | 'unknown';

export function landingOf(store: View, edit: Edit, later: readonly Edit[]): Landing {
  const has = <T>(list: readonly T[], test: (item: T) => boolean) => list.some(test);
  switch (edit.kind) {
    case 'case':
      return has([...store.cases.values()], (c) => c.title === edit.title) ? 'yes' : 'no';
    case 'document':
      return has([...store.documents.values()], (d) => d.title === edit.title) ? 'yes' : 'no';
    case 'claim-create':
      return has([...store.claims.values()], (c) => markerOf(c.text) === edit.marker)
        ? 'yes'
        : 'no';
    case 'claim-update': {
      const claim = store.claims.get(edit.claimId);
      if (!claim) return 'unknown';
      const marker = markerOf(claim.text);
      if (marker === edit.marker) return 'yes';
      const overwritten = later.some(
        (e) => e.kind === 'claim-update' && e.claimId === edit.claimId && e.marker === marker,
      );
      return overwritten ? 'unknown' : 'no';
    }
    case 'claim-delete':
      return store.claims.get(edit.claimId) ? 'no' : 'yes';
    case 'entity':
      return has([...store.entities.values()], (e) => e.name === edit.name) ? 'yes' : 'no';
    case 'link': {
      if (has([...store.links.values()], (l) => l.note === edit.note)) return 'yes';
      const ends = [edit.fromClaimId, edit.targetClaimId];
      const endGone = ends.some((id) => id !== null && !store.claims.has(id));
      const mergedLater = later.some(
        (e) =>
          e.kind === 'link' &&
          e.relation === edit.relation &&
          ends.includes(e.fromClaimId) &&
          ends.includes(e.targetClaimId),
      );
      return endGone || mergedLater ? 'unknown' : 'no';
    }
    case 'judgment':
      return has([...store.judgments.values()], (j) => j.statement === edit.statement)
        ? 'yes'
        : 'no';
  }
}

/** Compares the reopened store with the model; returns the number of lost edits. */
export function compareWithModel(
  store: View,
  model: Model,
  inFlight: readonly Edit[],
  note: (message: string) => void,
): number {
  let lost = 0;
  const lose = (message: string) => {
    lost++;
    note(message);
  };
  const pendingUpdates = inFlight.filter(
    (e): e is Extract<Edit, { kind: 'claim-update' }> => e.kind === 'claim-update',
  );
  const pendingDeletes = new Set(
    inFlight.flatMap((e) => (e.kind === 'claim-delete' ? [e.claimId] : [])),
  );
  const pendingLinkNotes = new Set(inFlight.flatMap((e) => (e.kind === 'link' ? [e.note] : [])));

  if (model.caseId && !store.cases.has(model.caseId)) lose(`case ${model.caseId} is missing`);
  for (const [id, doc] of model.documents) {
    if (store.documents.get(id)?.title !== doc.title) lose(`document ${doc.title} is missing`);
  }
  for (const [id, expected] of model.claims) {
    const claim = store.claims.get(id);
    if (!claim) {
      if (!pendingDeletes.has(id)) lose(`claim ${id} (${expected.text.slice(0, 12)}) is missing`);
      continue;
    }
    const mine = pendingUpdates.filter((e) => e.claimId === id);
    const texts = new Set([expected.text, ...mine.map((e) => e.text)]);
    const notes = new Set([expected.notes, ...mine.flatMap((e) => e.notes ?? [])]);
    if (
      !texts.has(claim.text) ||
      !notes.has(claim.notes) ||
      claim.documentId !== expected.documentId
    ) {
      lose(
        `claim ${id}: has ${claim.text.slice(0, 12)}…/notes ${claim.notes.slice(0, 12)}…, ` +
          `expected ${expected.text.slice(0, 12)}…/notes ${expected.notes.slice(0, 12)}…`,
      );
    }
  }
  for (const id of model.deletedClaims) {
    if (store.claims.get(id)) lose(`claim ${id} was deleted (acknowledged) but is back`);
  }
  for (const [id, name] of model.entities) {
    if (store.entities.get(id)?.name !== name) lose(`entity ${name} is missing`);
  }
  for (const [id, expected] of model.links) {
    const link = store.links.get(id);
    const ends = [expected.fromClaimId, expected.targetClaimId];
    if (!link) {
      if (!ends.some((end) => end !== null && pendingDeletes.has(end))) {
        lose(`link ${id} (${expected.note.slice(0, 12)}) is missing`);
      }
      continue;
    }
    if (link.note !== expected.note && !pendingLinkNotes.has(link.note)) {
      lose(`link ${id}: note ${link.note.slice(0, 12)}, expected ${expected.note.slice(0, 12)}`);
    }
  }
  for (const id of model.deletedLinks) {
    if (store.links.get(id)) lose(`link ${id} was deleted with its claim but is back`);
  }
  for (const [id, expected] of model.judgments) {
    const judgment = store.judgments.get(id);
    if (!judgment || judgment.statement !== expected.statement) {
      lose(`judgment ${expected.statement.slice(0, 12)} is missing`);
      continue;
    }
    const basis = judgment.basis.map((b) => b.claimId);
    const extra = basis.filter((c) => !expected.basis.includes(c));
    const gone = expected.basis.filter((c) => !basis.includes(c) && !pendingDeletes.has(c));
    if (extra.length > 0 || gone.length > 0) {
      lose(`judgment ${expected.statement.slice(0, 12)}: basis differs`);
    }
  }
  for (const [id, count] of model.history) {
    const has = store.history.get(id) ?? 0;
    if (has < count) lose(`claim ${id}: ${has} history entries, at least ${count} acknowledged`);
  }
  return lost;
}

/** Records that no acknowledged edit made and no edit in flight could have made. */
export function unexpectedRecords(
  store: View,
  model: Model,
  inFlight: readonly Edit[],
  note: (message: string) => void,
): number {
  const sent = new Set(inFlight.map((e) => e.marker));
  let count = 0;
  const check = (what: string, known: boolean, text: string) => {
    if (known || sent.has(markerOf(text) ?? '')) return;
    count++;
    note(`${what} ${text.slice(0, 20)} was never sent`);
  };
  for (const c of store.cases.values()) check('case', c.id === model.caseId, c.title);
  for (const d of store.documents.values()) check('document', model.documents.has(d.id), d.title);
  for (const c of store.claims.values()) check('claim', model.claims.has(c.id), c.text);
  for (const e of store.entities.values()) check('entity', model.entities.has(e.id), e.name);
  for (const l of store.links.values()) check('link', model.links.has(l.id), l.note);
  for (const j of store.judgments.values())
    check('judgment', model.judgments.has(j.id), j.statement);
  return count;
}

/** The model becomes what the store holds now: in-flight edits that landed are part of it. */
export function resync(store: View, model: Model): void {
  for (const id of model.claims.keys()) if (!store.claims.has(id)) model.deletedClaims.add(id);
  for (const id of model.links.keys()) if (!store.links.has(id)) model.deletedLinks.add(id);
  model.caseId = [...store.cases.keys()][0] ?? null;
  model.documents = new Map();
  for (const d of store.documents.values()) {
    model.documents.set(d.id, { title: d.title, text: store.texts.get(d.id) ?? '' });
  }
  model.claims = new Map(
    [...store.claims.values()].map((c) => [
      c.id,
      { text: c.text, notes: c.notes, documentId: c.documentId },
    ]),
  );
  model.entities = new Map([...store.entities.values()].map((e) => [e.id, e.name]));
  model.links = new Map(
    [...store.links.values()].map((l) => [
      l.id,
      {
        fromClaimId: l.fromClaimId,
        targetClaimId: l.target.kind === 'claim' ? l.target.claimId : null,
        note: l.note,
      },
    ]),
  );
  model.judgments = new Map(
    [...store.judgments.values()].map((j) => [
      j.id,
      { statement: j.statement, basis: j.basis.map((b) => b.claimId) },
    ]),
  );
  model.history = new Map(store.history);
}
export async function tempFilesIn(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.tmp')) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
