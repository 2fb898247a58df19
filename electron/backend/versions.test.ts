import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend';
import { addDocument, backendHarness, call, capture, failure, makeCase } from './testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

const KEPT = 'Moscow would honour its obligations';
const REMOVED = 'Russia lacks the means to intervene';
const V1 =
  `Maria Zakharova said on Thursday that ${KEPT} to Caracas.\n\n` +
  `Mark Galeotti told Radio Liberty that ${REMOVED} so far from home.`;
const LEAD = 'Updated at noon with a statement from the ministry.\n\n';
const V2 =
  LEAD +
  `Maria Zakharova said on Thursday that ${KEPT} to Caracas.\n\n` +
  'The ministry declined to comment on any deployment of bombers.';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A case with V1 and two claims on it, one whose quote V2 keeps and one it drops. */
async function seed(b: Backend) {
  const caseId = await makeCase(b);
  const v1 = await addDocument(b, caseId, V1, { title: 'Briefing', fileName: 'briefing.txt' });
  const kept = await capture(b, v1, V1, KEPT);
  const removed = await capture(b, v1, V1, REMOVED);
  return { caseId, v1, kept, removed };
}

describe('document versions', () => {
  it('refuses the same text twice in a case, naming the first document', async () => {
    const b = await harness.start();
    const { caseId } = await seed(b);
    const error = await failure(b, 'documents:create', { caseId, title: 'Copy', text: V1 });
    expect(error).toEqual({
      code: 'conflict',
      field: 'text',
      message: 'This text is already in this case as “Briefing”.',
    });
    expect(await call(b, 'documents:list', { caseId })).toHaveLength(1);
    const otherCase = await makeCase(b, 'Another question');
    const elsewhere = await addDocument(b, otherCase, V1, { title: 'Copy' });
    expect(elsewhere.caseId).toBe(otherCase);
  });

  it('re-anchors the claims of a new version, orphaning those whose quote is gone', async () => {
    const b = await harness.start();
    const { caseId, v1, kept, removed } = await seed(b);
    const created = await call(b, 'documents:create', {
      caseId,
      title: 'Briefing (updated)',
      text: V2,
      versionOf: v1.id,
    });
    expect(created).toMatchObject({ reanchored: 1, orphaned: 1 });
    const v2 = created.document;
    expect(v2.previousVersionId).toBe(v1.id);

    const claims = new Map((await call(b, 'claims:list', { caseId })).map((c) => [c.id, c]));
    const moved = claims.get(kept.id);
    expect(moved).toMatchObject({ documentId: v2.id, anchorState: 'anchored' });
    expect(moved?.anchor.exact).toBe(KEPT);
    expect(moved?.anchor.start).toBe(kept.anchor.start + LEAD.length);
    expect(V2.slice(moved?.anchor.start, moved?.anchor.end)).toBe(KEPT);
    expect(claims.get(removed.id)).toMatchObject({
      documentId: v1.id,
      anchorState: 'orphaned',
      anchor: removed.anchor,
    });
    const actions = async (id: string) =>
      (await call(b, 'claims:history', { claimId: id })).map((h) => h.action);
    expect(await actions(kept.id)).toEqual(['created', 'reanchored']);
    expect(await actions(removed.id)).toEqual(['created', 'orphaned']);
  });

  it('re-attaches an orphan to a passage of the new version', async () => {
    const b = await harness.start();
    const { caseId, v1, removed } = await seed(b);
    const { document: v2 } = await call(b, 'documents:create', {
      caseId,
      title: 'Briefing',
      text: V2,
      versionOf: v1.id,
    });
    const passage = 'declined to comment on any deployment';
    const start = V2.indexOf(passage);
    const attached = await call(b, 'claims:reattach', {
      claimId: removed.id,
      passage: { documentId: v2.id, start, end: start + passage.length, exact: passage },
    });
    expect(attached).toMatchObject({
      documentId: v2.id,
      anchorState: 'anchored',
      anchor: { exact: passage, start, end: start + passage.length },
      text: removed.text,
    });
  });

  it('keeps an orphan on the old version when re-attached with no passage', async () => {
    const b = await harness.start();
    const { caseId, v1, removed } = await seed(b);
    await call(b, 'documents:create', { caseId, title: 'Briefing', text: V2, versionOf: v1.id });
    const keptOld = await call(b, 'claims:reattach', { claimId: removed.id, passage: null });
    expect(keptOld).toEqual({ ...removed, updatedAt: keptOld.updatedAt });
    expect(keptOld.anchorState).toBe('anchored');
  });

  it("keeps the earlier version's source details and outlet unless told otherwise", async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const source = {
      title: 'Briefing',
      outlet: 'Defence Daily',
      author: 'Jane Reporter',
      url: 'https://defence.example/briefing',
      publishedAt: '2025-11-02',
    };
    const v1 = await addDocument(b, caseId, V1, source);
    const kept = await capture(b, v1, V1, KEPT);
    const { document: v2 } = await call(b, 'documents:create', {
      caseId,
      title: 'Briefing',
      text: V2,
      versionOf: v1.id,
    });
    expect(v2).toMatchObject({ ...source, outletId: v1.outletId });
    expect(v1.outletId).not.toBeNull();
    // The moved claim's chain still ends at the outlet.
    const [row] = await call(b, 'claims:get', { claimIds: [kept.id] });
    expect(row?.document).toMatchObject({ id: v2.id, outletId: v1.outletId });

    const { document: v3 } = await call(b, 'documents:create', {
      caseId,
      title: 'Briefing',
      text: `${V2}\n\nA third paragraph.`,
      versionOf: v2.id,
      outlet: '',
      url: '',
    });
    expect(v3).toMatchObject({ outlet: '', outletId: null, url: '', author: 'Jane Reporter' });
  });

  it('refuses versionOf a document of another case', async () => {
    const b = await harness.start();
    const { v1 } = await seed(b);
    const otherCase = await makeCase(b, 'Another question');
    const error = await failure(b, 'documents:create', {
      caseId: otherCase,
      title: 'Briefing',
      text: V2,
      versionOf: v1.id,
    });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'versionOf' });
    expect(await call(b, 'documents:list', { caseId: otherCase })).toEqual([]);
  });

  it('undoes a new version: the claims go back to the old one', async () => {
    const b = await harness.start();
    const { caseId, v1, kept, removed } = await seed(b);
    await call(b, 'documents:create', { caseId, title: 'Briefing', text: V2, versionOf: v1.id });
    expect((await call(b, 'edit:undo', {})).label).toBe('Import a new version of “Briefing”');
    expect(await call(b, 'documents:list', { caseId })).toEqual([v1]);
    expect(await call(b, 'claims:list', { caseId })).toEqual([kept, removed]);
  });
});

describe('documents:extract', () => {
  it('reads a .txt file into text and meta without adding it', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const extracted = await call(b, 'documents:extract', {
      caseId,
      fileName: 'notes.txt',
      dataBase64: base64(`\r\n${V1.replace(/\n/g, '\r\n')}\r\n`),
    });
    expect(extracted).toEqual({
      format: 'txt',
      text: V1,
      meta: { title: '', author: '', outlet: '', url: '', publishedAt: '' },
      warnings: [],
      duplicateOf: null,
      versionCandidates: [],
    });
    expect(await call(b, 'documents:list', { caseId })).toEqual([]);
  });

  it('names the document that already has the same text', async () => {
    const b = await harness.start();
    const { caseId, v1 } = await seed(b);
    const extracted = await call(b, 'documents:extract', {
      caseId,
      fileName: 'other-name.txt',
      dataBase64: base64(V1),
    });
    expect(extracted.duplicateOf).toEqual(v1);
    expect(extracted.versionCandidates).toEqual([]);
  });

  it('offers the latest document with the same title or file name as an earlier version', async () => {
    const b = await harness.start();
    const { caseId, v1 } = await seed(b);
    const byTitle = await call(b, 'documents:extract', {
      caseId,
      fileName: 'update.md',
      dataBase64: base64(`# briefing\n\n${V2}`),
    });
    expect(byTitle.meta.title).toBe('briefing');
    expect(byTitle).toMatchObject({ duplicateOf: null, versionCandidates: [v1] });

    const { document: v2 } = await call(b, 'documents:create', {
      caseId,
      title: 'Briefing, second edition',
      text: V2,
      fileName: 'briefing.txt',
      versionOf: v1.id,
    });
    const byFileName = await call(b, 'documents:extract', {
      caseId,
      fileName: 'briefing.txt',
      dataBase64: base64(`${V2}\n\nA third paragraph.`),
    });
    // v1 has the same file name too, but v2 replaces it.
    expect(byFileName).toMatchObject({ duplicateOf: null, versionCandidates: [v2] });
  });

  it('refuses a binary .txt with invalid_input naming the file', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]);
    const error = await failure(b, 'documents:extract', {
      caseId,
      fileName: 'report.txt',
      dataBase64: bytes.toString('base64'),
    });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('report.txt');
    expect(harness.logs).toEqual([]);
  });
});

describe('quote changed by a new version (issue 12)', () => {
  const OLD = 'Chepa said Russia would help to the best of its ability, within the treaty.';
  const NEW = 'Chepa said Russia would help to the best of its abilities, within the treaty.';
  const QUOTE = 'Russia would help to the best of its ability';

  it('marks a claim whose quoted words changed, until the analyst confirms', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const v1 = await addDocument(b, caseId, OLD, { title: 'Chepa' });
    const claim = await capture(b, v1, OLD, QUOTE);
    const untouched = await capture(b, v1, OLD, 'within the treaty');
    await call(b, 'documents:create', { caseId, title: 'Chepa', text: NEW, versionOf: v1.id });

    const [moved, same] = await call(b, 'claims:get', { claimIds: [claim.id, untouched.id] });
    expect(moved?.claim.anchor.exact).toBe('Russia would help to the best of its abilities');
    expect(moved?.claim.previousQuote).toBe(QUOTE);
    expect(same?.claim.previousQuote).toBeUndefined();
    const history = await call(b, 'claims:history', { claimId: claim.id });
    expect(history.at(-1)?.changes).toContainEqual({
      field: 'quote to confirm',
      from: '',
      to: 'yes',
    });

    const confirmed = await call(b, 'claims:update', { claimId: claim.id, quoteConfirmed: true });
    expect(confirmed.previousQuote).toBeUndefined();
    expect(confirmed.anchor.exact).toBe('Russia would help to the best of its abilities');
    // Undo brings the mark back.
    await call(b, 'edit:undo', {});
    const [undone] = await call(b, 'claims:get', { claimIds: [claim.id] });
    expect(undone?.claim.previousQuote).toBe(QUOTE);
  });

  it('keeps the quote last confirmed across two changing versions', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const v1 = await addDocument(b, caseId, OLD, { title: 'Chepa' });
    const claim = await capture(b, v1, OLD, QUOTE);
    const { document: v2 } = await call(b, 'documents:create', {
      caseId,
      title: 'Chepa',
      text: NEW,
      versionOf: v1.id,
    });
    await call(b, 'documents:create', {
      caseId,
      title: 'Chepa',
      text: NEW.replace('Russia would', 'Russia will'),
      versionOf: v2.id,
    });
    const [moved] = await call(b, 'claims:get', { claimIds: [claim.id] });
    expect(moved?.claim.anchor.exact).toBe('Russia will help to the best of its abilities');
    expect(moved?.claim.previousQuote).toBe(QUOTE);
  });
});
