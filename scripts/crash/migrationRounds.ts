/**
 * Kills while a store of version 5 (every record in claimdesk.json, one journal beside it) is
 * converted to the segmented layout on the first start of this version (openStore.ts, legacy.ts).
 *
 * Each round writes such a store by hand (a case, documents with their texts, claims with
 * their history, and journal lines after the snapshot), starts the store on it and kills
 * it at a random moment of the conversion (the copies kept in backups/, the segments, the
 * manifest, the old journal's removal) or just after. The next start must open it (converting
 * it again if the manifest was not written yet), with every record of the old store and its
 * journal, and keep exactly one copy of the old files, byte for byte, in backups/.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BACKUPS_DIR, STORE_FILE, TEXTS_DIR } from '../../electron/backend/store/store';
import { LEGACY_JOURNAL_FILE } from '../../electron/backend/store/legacy';
import { hashText } from '../../electron/backend/store/textStore';
import type { Claim, HistoryEntry } from '../../shared/domain/schemas';
import { Child } from './child';
import { endOfRound, finding, newDataDir, watchdog, type HarnessContext } from './context';
import { emptyModel, type Model } from './edits';
import { words } from './planner';
import { bump, type ScenarioStats } from './report';
import { compareWithModel, openAndRead, tempFilesIn } from './verify';

const T0 = '2025-11-01T00:00:00.000Z';

/** A version 5 store of `claims` claims over three documents, and `journaled` lines after it. */
async function writeV5Store(
  ctx: HarnessContext,
  model: Model,
  claims: number,
  journaled: number,
): Promise<{ file: Buffer; journal: Buffer }> {
  const { rng } = ctx.planner;
  const caseId = 'case-v5';
  model.caseId = caseId;
  await mkdir(path.join(model.dir, TEXTS_DIR), { recursive: true });
  const documents = [];
  for (let d = 0; d < 3; d++) {
    const text = `${words(rng, 200)}.`;
    const id = `doc-${d}`;
    await writeFile(path.join(model.dir, TEXTS_DIR, `${hashText(text)}.txt`), text);
    documents.push({
      id,
      caseId,
      title: `Report ${d}`,
      format: 'paste',
      contentHash: hashText(text),
      textLength: text.length,
      createdAt: T0,
    });
    model.documents.set(id, { title: `Report ${d}`, text });
  }
  const claim = (n: number): Claim => {
    const documentId = `doc-${n % 3}`;
    const text = model.documents.get(documentId)?.text ?? '';
    const end = text.indexOf(' ', 10);
    return {
      id: `claim-${n}`,
      caseId,
      documentId,
      text: `[v${n}] ${words(rng, rng.int(3, 12))}`,
      anchor: { exact: text.slice(0, end), prefix: '', suffix: '', start: 0, end },
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
  };
  const history = (n: number): HistoryEntry => ({
    id: `history-${n}`,
    claimId: `claim-${n}`,
    at: T0,
    by: 'analyst',
    action: 'created',
    changes: [],
  });
  const all = Array.from({ length: claims + journaled }, (_, n) => claim(n));
  const inFile = all.slice(0, claims);
  const raw = {
    schemaVersion: 5,
    journalSeq: 10,
    cases: [{ id: caseId, title: 'A version 5 case', question: '', createdAt: T0, updatedAt: T0 }],
    documents,
    claims: inFile,
    entities: [],
    history: inFile.map((_, n) => history(n)),
    links: [],
    judgments: [],
    briefings: [],
  };
  const lines = all.slice(claims).map((value, i) =>
    JSON.stringify({
      seq: 11 + i,
      ops: [
        { type: 'put', collection: 'claims', value },
        { type: 'put', collection: 'history', value: history(claims + i) },
      ],
    }),
  );
  const file = Buffer.from(JSON.stringify(raw, null, 2));
  const journal = Buffer.from(lines.map((l) => `${l}\n`).join(''));
  await writeFile(path.join(model.dir, STORE_FILE), file);
  await writeFile(path.join(model.dir, LEGACY_JOURNAL_FILE), journal);
  for (const c of all) {
    model.claims.set(c.id, { text: c.text, notes: '', documentId: c.documentId });
    model.history.set(c.id, 1);
  }
  return { file, journal };
}

export async function runMigrationRound(
  ctx: HarnessContext,
  stats: ScenarioStats,
  round: number,
  conversion: { ms: number },
): Promise<void> {
  const { rng } = ctx.planner;
  const note = (kind: string, message: string) => finding(ctx, 'migration', round, kind, message);
  const model = emptyModel(await newDataDir(ctx, 'migration'));
  const original = await writeV5Store(ctx, model, rng.int(200, 2500), rng.int(0, 40));

  const child = new Child(ctx.scripts.store, [model.dir]);
  const stopWatchdog = watchdog(ctx, 'migration', stats, round, child);
  const killAt = rng.int(0, Math.round(conversion.ms * 1.3));
  const timer = setTimeout(() => child.kill(), killAt);
  if (await child.waitReady()) {
    // Converted before the kill: learn how long a conversion takes, kill now.
    conversion.ms = (conversion.ms + ((child.readyAt ?? 0) - child.spawnedAt)) / 2;
    bump(stats, 'kills after the conversion');
    child.kill();
  } else {
    bump(stats, 'kills during the conversion');
  }
  await endOfRound(ctx, 'migration', stats, round, child);
  clearTimeout(timer);
  stopWatchdog();
  stats.kills++;

  let view;
  try {
    view = await openAndRead(model.dir);
  } catch (error) {
    stats.corrupt++;
    note('open', error instanceof Error ? error.message : String(error));
    return;
  }
  stats.opens++;
  if (view.report.migratedFrom === 5) bump(stats, 'converted on the next start');
  if (view.report.created || view.problems.length > 0) {
    stats.corrupt++;
    note('corrupt', view.report.created ? 'a new store was made' : view.problems.join('; '));
  }
  const missing: string[] = [];
  stats.lost += compareWithModel(view, model, [], (m) => missing.push(m));
  missing.slice(0, 3).forEach((m) => note('lost', m));
  // One copy of the old files, whole.
  const kept = (await readdir(path.join(model.dir, BACKUPS_DIR))).filter((n) =>
    /^claimdesk-v5-.+\.json$/.test(n),
  );
  if (kept.length !== 1) {
    stats.backupsLost++;
    note('copies', `${kept.length} copies of the version 5 store in backups/`);
  }
  for (const name of kept) {
    const copy = await readFile(path.join(model.dir, BACKUPS_DIR, name));
    const journal = await readFile(
      path.join(model.dir, BACKUPS_DIR, name.replace(/\.json$/, '.journal')),
    ).catch(() => Buffer.alloc(0));
    if (!copy.equals(original.file) || !journal.equals(original.journal)) {
      stats.backupsLost++;
      note('copies', `${name} is not the old store byte for byte`);
    }
  }
  const temp = await tempFilesIn(model.dir);
  if (temp.files > 0) bump(stats, 'temp files left', temp.files);
}
