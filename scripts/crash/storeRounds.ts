/**
 * Store-level rounds (the restore, start-empty and rotation scenarios): a store seeded in this
 * process, then edits sent as ops to the small store child (storeChild.ts), which is killed.
 * The edits are claims created and reworded, each with its history entry, in one case and one
 * document, so that replay after a restore has records to depend on and history to keep.
 */
import path from 'node:path';
import { DataDirLock } from '../../electron/backend/store/lock';
import { openStore } from '../../electron/backend/store/openStore';
import type { Op } from '../../electron/backend/store/ops';
import { LOCK_FILE } from '../../electron/backend/store/store';
import type { Claim, HistoryEntry } from '../../shared/domain/schemas';
import { Child } from './child';
import { endOfRound, finding, watchdog, type HarnessContext } from './context';
import { applyAck, type Edit, type Model } from './edits';
import { nextMarker, words } from './planner';
import { bump, type ScenarioName, type ScenarioStats } from './report';
import { compareWithModel, landingOf, openAndRead, resync, unexpectedRecords } from './verify';

const T0 = '2025-11-01T00:00:00.000Z';

/** The model of a store-level round, with each claim's record to reword. */
export interface StoreModel extends Model {
  records: Map<string, Claim>;
}

function claimRecord(model: StoreModel, id: string, text: string): Claim {
  const documentId = [...model.documents.keys()][0] ?? '';
  const body = model.documents.get(documentId)?.text ?? '';
  const end = body.indexOf(' ');
  return {
    id,
    caseId: model.caseId ?? '',
    documentId,
    text,
    anchor: { exact: body.slice(0, end), prefix: '', suffix: '', start: 0, end },
    anchorState: 'anchored',
    kind: 'unattributed',
    status: 'unverified',
    tags: [],
    notes: '',
    credibility: 6,
    attribution: {
      speakerId: null,
      via: [],
      cue: '',
      saidOn: '',
      reportedOn: '',
      reliabilityOverrides: {},
    },
    createdAt: T0,
    updatedAt: T0,
  };
}

const historyOf = (claimId: string, marker: string): HistoryEntry => ({
  id: `history-${marker.slice(1, -1)}`,
  claimId,
  at: new Date().toISOString(),
  by: 'the crash harness',
  action: 'edited',
  changes: [],
});

/** The next edit: a new claim, or a new wording of an acknowledged one; with its ops. */
export function planStoreEdit(ctx: HarnessContext, model: StoreModel): { edit: Edit; ops: Op[] } {
  const { rng } = ctx.planner;
  const marker = nextMarker(ctx.planner);
  const text = `${marker} ${words(rng, rng.int(3, 15))}`;
  const acked = [...model.records.keys()];
  if (acked.length < 3 || rng.chance(0.4)) {
    const claim = claimRecord(model, `claim-${marker.slice(2, -1)}`, text);
    const edit: Edit = {
      kind: 'claim-create',
      marker,
      documentId: claim.documentId,
      start: claim.anchor.start,
      end: claim.anchor.end,
      exact: claim.anchor.exact,
      text,
      notes: '',
    };
    return {
      edit,
      ops: [
        { type: 'put', collection: 'claims', value: claim },
        { type: 'put', collection: 'history', value: historyOf(claim.id, marker) },
      ],
    };
  }
  const claimId = rng.pick(acked);
  const before = model.records.get(claimId);
  const claim = { ...(before ?? claimRecord(model, claimId, text)), text };
  return {
    edit: { kind: 'claim-update', marker, claimId, text },
    ops: [
      { type: 'put', collection: 'claims', value: claim },
      { type: 'put', collection: 'history', value: historyOf(claimId, marker) },
    ],
  };
}

/** Records an acknowledged store-level edit in the model. */
function ack(model: StoreModel, edit: Edit, ops: readonly Op[]): void {
  const claim = ops[0]?.type === 'put' ? (ops[0].value as Claim) : null;
  if (!claim) return;
  applyAck(model, edit, claim.id);
  model.records.set(claim.id, claim);
}

/** A store made in this process (a case, a document, `claims` claims), closed: backed up. */
export async function seedStore(
  ctx: HarnessContext,
  model: StoreModel,
  claims: number,
): Promise<void> {
  const lock = await DataDirLock.acquire(path.join(model.dir, LOCK_FILE), 'the crash harness');
  const store = await openStore(model.dir, { idleFoldMs: 0, log: () => undefined });
  try {
    const marker = nextMarker(ctx.planner);
    const text = `${marker} ${words(ctx.planner.rng, 300)}.`;
    const contentHash = await store.texts.put(text);
    const caseId = `case-${marker.slice(2, -1)}`;
    const documentId = `doc-${marker.slice(2, -1)}`;
    const title = `Report ${marker}`;
    await store.mutate(() => ({
      ops: [
        {
          type: 'put',
          collection: 'cases',
          value: {
            id: caseId,
            title: `Case ${marker}`,
            question: '',
            createdAt: T0,
            updatedAt: T0,
          },
        },
        {
          type: 'put',
          collection: 'documents',
          value: {
            id: documentId,
            caseId,
            title,
            outlet: '',
            url: '',
            author: '',
            publishedAt: '',
            retrievedAt: '',
            format: 'paste',
            fileName: '',
            outletId: null,
            previousVersionId: null,
            contentHash,
            textLength: text.length,
            createdAt: T0,
          },
        },
      ],
      result: null,
    }));
    model.caseId = caseId;
    model.documents.set(documentId, { title, text });
    for (let i = 0; i < claims; i++) {
      const { edit, ops } = planStoreEdit(ctx, model);
      await store.mutate(() => ({ ops, result: null }));
      ack(model, edit, ops);
    }
  } finally {
    await store.close();
    await lock.release();
  }
}

export interface StoreRound {
  scenario: ScenarioName;
  stats: ScenarioStats;
  model: StoreModel;
  round: number;
  /** `acks`: a few ms after some acknowledgement; `backup`: as a backup starts copying. */
  killOn: 'acks' | 'backup';
  args: string[];
}

/** Edits through the store child until the kill; returns the edits in flight at the kill. */
export async function storeEditRound(ctx: HarnessContext, r: StoreRound): Promise<Edit[]> {
  const { rng } = ctx.planner;
  const { stats, model } = r;
  const opsOf = new Map<Edit, Op[]>();
  const killAfter = rng.int(1, 60);
  const backupsBefore = rng.int(0, 3);
  let acks = 0;
  let backups = 0;
  let timer: NodeJS.Timeout | null = null;
  const killIn = (ms: number) => {
    if (timer || child.killRequested) return;
    timer = setTimeout(() => child.kill(), ms);
  };
  const child: Child = new Child(
    ctx.scripts.store,
    [model.dir, ...r.args],
    (edit, answer) => {
      if (!answer.ok) {
        bump(stats, 'rejected');
        finding(ctx, r.scenario, r.round, 'rejected', answer.error?.message ?? '');
        return;
      }
      acks++;
      bump(stats, 'acks');
      ack(model, edit, opsOf.get(edit) ?? []);
      if (r.killOn === 'acks' && acks >= killAfter) killIn(rng.int(0, 20));
      if (acks >= 1000) child.kill();
    },
    (event) => {
      if (r.killOn === 'backup' && event.backup === 'copying' && backups++ === backupsBefore) {
        bump(stats, 'kills while a backup is made');
        killIn(rng.int(0, 25));
      }
    },
  );
  const stopWatchdog = watchdog(ctx, r.scenario, stats, r.round, child);
  if (await child.waitReady()) {
    while (!child.killRequested && !child.exited) {
      for (let i = rng.int(1, 6); i > 0; i--) {
        const { edit, ops } = planStoreEdit(ctx, model);
        opsOf.set(edit, ops);
        child.sendAs(edit, { ops });
      }
      await child.drain();
    }
  }
  await endOfRound(ctx, r.scenario, stats, r.round, child);
  stopWatchdog();
  if (timer) clearTimeout(timer);
  return [...child.inFlight.values()];
}

/**
 * Opens the data dir as the next start would and checks it against the model: every
 * acknowledged edit with its history, nothing never sent, a prefix of what was in flight.
 * Returns the view, or null when the store did not open (counted).
 */
export async function checkStore(
  ctx: HarnessContext,
  r: Pick<StoreRound, 'scenario' | 'stats' | 'model' | 'round'>,
  inFlight: readonly Edit[],
): Promise<boolean> {
  const { stats, model } = r;
  const note = (kind: string) => (message: string) =>
    finding(ctx, r.scenario, r.round, kind, message);
  let view;
  try {
    view = await openAndRead(model.dir);
  } catch (error) {
    stats.corrupt++;
    note('open')(error instanceof Error ? error.message : String(error));
    return false;
  }
  stats.opens++;
  if (view.report.created || view.problems.length > 0) {
    stats.corrupt++;
    note('corrupt')(view.report.created ? 'a new store was made' : view.problems.join('; '));
  }
  stats.lost += compareWithModel(view, model, inFlight, note('lost'));
  stats.unexpected += unexpectedRecords(view, model, inFlight, note('unexpected'));
  const landings = inFlight.map((edit, i) => landingOf(view, edit, inFlight.slice(i + 1)));
  const firstNo = landings.indexOf('no');
  if (firstNo >= 0 && landings.slice(firstNo + 1).includes('yes')) {
    stats.outOfOrder++;
    note('order')(`in flight: ${landings.join(',')}`);
  }
  resync(view, model);
  for (const id of [...model.records.keys()]) {
    const claim = view.claims.get(id);
    if (claim) model.records.set(id, claim);
    else model.records.delete(id);
  }
  for (const claim of view.claims.values()) model.records.set(claim.id, claim);
  return true;
}
