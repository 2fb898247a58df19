import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../store/schema';
import { exportJson, exportText, importText, openSample, putBriefing } from '../testing/exchange';
import { parseCsv } from '../testing/csv';
import { backendHarness, call } from '../testing/harness';
import { CASE_FILE_FORMAT, CaseFileSchema } from './caseFile';

const harness = backendHarness();
afterEach(() => harness.cleanup());

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A case file with every id replaced by a stable label (kind and order of first appearance)
 * and the export time dropped: two exports of the same case, under any ids, then compare equal.
 * Ids also appear as keys (reliability overrides, briefing claim versions): those are mapped too.
 */
function normalise(file: Record<string, unknown>): unknown {
  const labels = new Map<string, string>();
  const label = (kind: string, record: unknown) => {
    if (isObject(record) && typeof record.id === 'string' && !labels.has(record.id)) {
      labels.set(record.id, `${kind}#${labels.size}`);
    }
  };
  label('case', file.case);
  // History is written bucket by bucket (historyLog.ts), so its order depends on the ids:
  // compare it by claim, then time.
  const claimOrder = new Map(
    (Array.isArray(file.claims) ? file.claims : []).map((c, i) => [isObject(c) ? c.id : i, i]),
  );
  if (Array.isArray(file.history)) {
    file.history = [...(file.history as unknown[])].sort((a, b) => {
      if (!isObject(a) || !isObject(b)) return 0;
      const byClaim = Number(claimOrder.get(a.claimId)) - Number(claimOrder.get(b.claimId));
      return byClaim || String(a.at).localeCompare(String(b.at));
    });
  }
  for (const kind of [
    'documents',
    'claims',
    'entities',
    'links',
    'judgments',
    'briefings',
    'history',
  ]) {
    const list = file[kind];
    if (Array.isArray(list)) list.forEach((r) => label(kind, r));
  }
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return labels.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (isObject(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [labels.get(k) ?? k, walk(x)]));
    return v;
  };
  const rest = { ...file };
  delete rest.exportedAt;
  return walk(rest);
}

/** The sample case plus a briefing note, so that briefings travel too. */
async function sampleWithBriefing() {
  const { b, caseId } = await openSample(harness);
  const claims = await call(b, 'claims:list', { caseId });
  const judgments = await call(b, 'judgments:list', { caseId });
  const [first, second] = claims;
  if (!first || !second || !judgments[0]) throw new Error('sample too small');
  await putBriefing(b, {
    id: 'briefing-1',
    caseId,
    title: 'Weekly note',
    marking: 'UNCLASSIFIED',
    author: 'An analyst',
    date: '2025-11-04',
    bluf: 'Diplomacy, not troops.',
    judgmentIds: [judgments[0].id],
    claimIds: [first.id, second.id],
    claimVersions: { [first.id]: first.updatedAt, [second.id]: second.updatedAt },
    saved: {
      title: 'Weekly note',
      marking: 'UNCLASSIFIED',
      author: 'An analyst',
      date: '2025-11-04',
      bluf: 'Diplomacy, not troops.',
      judgments: [],
      actors: [],
      claims: [first, second].map((c, i) => ({
        claimId: c.id,
        text: c.text,
        quote: c.anchor.exact,
        attribution: '',
        grade: '',
        score: null,
        note: i + 1,
      })),
      sources: [],
      notes: [],
    },
    createdAt: first.createdAt,
    updatedAt: first.createdAt,
  });
  return { b, caseId };
}

describe('cases:export as JSON', () => {
  it('writes a versioned case file with every record of the case and its texts', async () => {
    const { b, caseId } = await openSample(harness);
    const exported = await exportText(b, caseId, 'json');
    expect(exported.fileName).toBe('Russia and Venezuela, November 2025.claimdesk.json');
    expect(exported.mimeType).toBe('application/json');
    const file = CaseFileSchema.parse(JSON.parse(exported.text));
    expect(file).toMatchObject({
      format: CASE_FILE_FORMAT,
      formatVersion: 1,
      schemaVersion: CURRENT_SCHEMA_VERSION,
    });
    expect(file.case.id).toBe(caseId);
    expect(file.claims).toHaveLength(14);
    expect(file.entities).toHaveLength(11);
    expect(file.links).toHaveLength(5);
    expect(file.judgments).toHaveLength(2);
    expect(file.history.filter((h) => h.action === 'created')).toHaveLength(14);
    for (const d of file.documents) {
      const { text } = await call(b, 'documents:get', { documentId: d.id });
      expect(d.text).toBe(text);
    }
  });

  it('takes only the entities the case names, not every entity in the store', async () => {
    const { b, caseId } = await openSample(harness);
    await call(b, 'entities:create', { name: 'Someone unrelated', kind: 'person' });
    const file = await exportJson(b, caseId);
    expect(file.entities).toHaveLength(11);
  });
});

describe('cases:import of a JSON case file', () => {
  it('round-trips: export, import as a new case, export again gives the same case but for ids', async () => {
    const { b, caseId } = await sampleWithBriefing();
    const first = await exportText(b, caseId, 'json');
    const imported = await importText(b, first.fileName, first.text);
    expect(imported.caseId).not.toBe(caseId);
    // The entities are this store's own, found by name, not copies.
    expect(imported).toMatchObject({
      added: { documents: 1, claims: 14, entities: 0, links: 5, judgments: 2 },
      merged: { documents: 0, claims: 0, entities: 11 },
    });
    expect(await call(b, 'entities:list', {})).toHaveLength(11);
    const again = await exportJson(b, imported.caseId);
    const original = JSON.parse(first.text) as Record<string, unknown>;
    expect(normalise(again)).toEqual(normalise(original));
    // Fresh ids throughout, not the exporting case's.
    const ids = (f: Record<string, unknown>, key: string) =>
      (f[key] as { id: string }[]).map((r) => r.id);
    for (const key of ['documents', 'claims', 'links', 'judgments', 'briefings', 'history']) {
      expect(ids(again, key).filter((id) => ids(original, key).includes(id))).toEqual([]);
    }
  });

  it('round-trips into an empty store, creating the people and outlets', async () => {
    const { b, caseId } = await sampleWithBriefing();
    const first = await exportText(b, caseId, 'json');
    const other = await harness.start();
    const imported = await importText(other, first.fileName, first.text);
    expect(imported.added).toEqual({
      documents: 1,
      claims: 14,
      entities: 11,
      links: 5,
      judgments: 2,
    });
    expect(imported.merged).toEqual({ documents: 0, claims: 0, entities: 0 });
    const again = await exportJson(other, imported.caseId);
    expect(normalise(again)).toEqual(normalise(JSON.parse(first.text) as Record<string, unknown>));
    // Scores are computed from the same grades, chains and links, so they come out the same.
    const grades = async (backend: typeof b, id: string) =>
      parseCsv((await exportText(backend, id, 'csv')).text.slice(1)).map((row) =>
        row.slice(11, 17),
      );
    expect(await grades(other, imported.caseId)).toEqual(await grades(b, caseId));
  });

  it('is one edit: a single undo removes the whole imported case', async () => {
    const { b, caseId } = await openSample(harness);
    const file = await exportText(b, caseId, 'json');
    const imported = await importText(b, file.fileName, file.text);
    expect(await call(b, 'edit:state', {})).toEqual({
      undo: `Import case “Russia and Venezuela, November 2025”`,
      redo: null,
    });
    await call(b, 'edit:undo', {});
    expect((await call(b, 'cases:list', {})).map((c) => c.id)).toEqual([caseId]);
    expect((await b.store.snapshot()).claims.filter((c) => c.caseId === imported.caseId)).toEqual(
      [],
    );
    await call(b, 'edit:redo', {});
    expect(await call(b, 'claims:list', { caseId: imported.caseId })).toHaveLength(14);
  });

  it('merges into an existing case: the same file again adds nothing and says what it recognised', async () => {
    const { b, caseId } = await openSample(harness);
    const file = await exportText(b, caseId, 'json');
    const recognised = {
      added: { documents: 0, claims: 0, entities: 0, links: 0, judgments: 0 },
      merged: { documents: 1, claims: 14, entities: 11 },
      gradeConflicts: [],
    };
    // Into the case it came from: everything is already there.
    expect(await importText(b, file.fileName, file.text, caseId)).toEqual({
      caseId,
      ...recognised,
    });
    // Into a copy made by an earlier import: likewise, and the store is unchanged by it.
    const copy = await importText(b, file.fileName, file.text);
    const before = await b.store.snapshot();
    expect(await importText(b, file.fileName, file.text, copy.caseId)).toEqual({
      caseId: copy.caseId,
      ...recognised,
    });
    expect({ ...(await b.store.snapshot()), journalSeq: 0 }).toEqual({ ...before, journalSeq: 0 });
  });

  it('merges what is missing: a deleted claim comes back with its links, onto the existing document', async () => {
    const { b, caseId } = await openSample(harness);
    const file = await exportText(b, caseId, 'json');
    const claims = await call(b, 'claims:list', { caseId });
    const galeotti = claims.find((c) => c.text.startsWith('If the US moves to topple Maduro'));
    if (!galeotti) throw new Error('sample claim missing');
    const links = await call(b, 'links:list', { caseId });
    const touching = links.filter(
      (l) =>
        l.fromClaimId === galeotti.id ||
        (l.target.kind === 'claim' && l.target.claimId === galeotti.id),
    );
    expect(touching.length).toBeGreaterThan(0);
    await call(b, 'claims:delete', { claimId: galeotti.id });
    const merged = await importText(b, file.fileName, file.text, caseId);
    expect(merged.added).toEqual({
      documents: 0,
      claims: 1,
      entities: 0,
      links: touching.length,
      judgments: 0,
    });
    expect(merged.merged).toEqual({ documents: 1, claims: 13, entities: 11 });
    const back = (await call(b, 'claims:list', { caseId })).find((c) => c.text === galeotti.text);
    expect(back).toMatchObject({
      documentId: galeotti.documentId,
      anchor: galeotti.anchor,
      attribution: galeotti.attribution,
    });
    expect(await call(b, 'links:list', { caseId })).toHaveLength(links.length);
  });

  it('keeps this store’s grade of a person the file grades differently, and reports the conflict', async () => {
    const { b, caseId } = await openSample(harness);
    const file = await exportText(b, caseId, 'json');
    const entities = await call(b, 'entities:list', {});
    const regraded = entities.find((e) => e.reliability !== 'A');
    if (!regraded) throw new Error('sample entity missing');
    await call(b, 'entities:update', { entityId: regraded.id, reliability: 'A' });

    const imported = await importText(b, file.fileName, file.text);
    expect(imported.gradeConflicts).toEqual([
      {
        importedId: regraded.id,
        existingId: regraded.id,
        name: regraded.name,
        ours: 'A',
        theirs: regraded.reliability,
      },
    ]);
    const after = (await call(b, 'entities:list', {})).find((e) => e.id === regraded.id);
    expect(after?.reliability).toBe('A');
  });
});
