/**
 * Calls that arrive together, as they do from two browser tabs on the web host, a double
 * click, or a keyboard shortcut pressed while a save is still in flight. The store serialises
 * edits (store.ts: "concurrent calls are serialised, never interleaved"); these tests hold
 * the handlers around it to the same promise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seedEvidenceCase } from './testing/evidence';
import { addDocument, backendHarness, call, capture, makeCase } from './testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

const TEXT = 'Zakharova said that Moscow would honour its obligations to Caracas.';
const QUOTE = 'Moscow would honour its obligations';

describe('concurrent calls', () => {
  it('serialises concurrent claims:create calls on one document', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const doc = await addDocument(b, caseId, TEXT);
    const claims = await Promise.all(
      ['Zakharova', QUOTE, 'Caracas'].map((quote) => capture(b, doc, TEXT, quote)),
    );
    const byStart = (list: typeof claims) =>
      [...list].sort((x, y) => x.anchor.start - y.anchor.start);
    expect(byStart(await call(b, 'claims:list', { caseId }))).toEqual(byStart(claims));
    expect(new Set(claims.map((c) => c.id)).size).toBe(3);
    expect(await call(b, 'edit:state', {})).toEqual({ undo: 'Create claim', redo: null });
  });

  // Regression (fixed; found in electron/backend/handlers/documents.ts, lines 84-92): the duplicate check runs before
  // the edit is queued (and before `await texts.put`), and is not repeated inside the
  // applyEdit plan, so two calls that arrive together both pass it and the case ends up with
  // the same text twice. (The text is stored beforehand so that the temp-file collision below
  // does not mask this.)
  it('refuses the same text imported twice at once into one case', async () => {
    const b = await harness.start();
    await addDocument(b, await makeCase(b, 'Elsewhere'), TEXT);
    const caseId = await makeCase(b);
    const results = await Promise.all(
      ['First', 'Second'].map((title) =>
        b.dispatch('documents:create', { caseId, title, text: TEXT }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(b, 'documents:list', { caseId })).toHaveLength(1);
  });

  // Regression (fixed; found in electron/backend/store/durableFile.ts, line 24, via TextStore.put in textStore.ts):
  // the temp file is named after the target and the pid only, so two puts of the same new
  // text at once write the same temp file; the second rename fails with ENOENT and its
  // documents:create answers `internal` ("Claimdesk could not complete ...").
  it('imports the same new text into two cases at once', async () => {
    const b = await harness.start();
    const cases = [await makeCase(b, 'One'), await makeCase(b, 'Two')];
    const results = await Promise.all(
      cases.map((caseId) => b.dispatch('documents:create', { caseId, title: 'T', text: TEXT })),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok']);
    expect(harness.logs).toEqual([]);
  });

  // Regression (fixed; found in electron/backend/handlers/edits.ts, line 27, with edits/applyEdit.ts line 32): undo
  // takes the top of the stack at once, while an edit still in the store's queue is recorded
  // only once it is written. An undo asked right after an edit therefore undoes the edit
  // before it (here: deletes the claim just reworded) and the reworded edit is then recorded
  // on top, so the stack no longer matches the store.
  it('undoes the edit in flight when undo is asked right after it', async () => {
    const b = await harness.start();
    const caseId = await makeCase(b);
    const doc = await addDocument(b, caseId, TEXT);
    const claim = await capture(b, doc, TEXT, QUOTE);
    const [updated, undone] = await Promise.all([
      b.dispatch('claims:update', { claimId: claim.id, text: 'Reworded' }),
      b.dispatch('edit:undo', {}),
    ]);
    expect(updated.ok).toBe(true);
    expect(undone).toMatchObject({ ok: true, value: { label: 'Edit claim' } });
    expect(await call(b, 'claims:list', { caseId })).toEqual([claim]);
    expect(await call(b, 'edit:state', {})).toEqual({ undo: 'Create claim', redo: 'Edit claim' });
  });

  // Source bug (electron/backend/handlers/links.ts, links:create, lines 135-139): the target
  // claim is checked in resolveTarget (line 30), before the edit is queued (after an `await`),
  // and not again inside the applyEdit plan, which re-checks only the claim the link starts
  // from. A claims:delete of the target that arrives together is queued first, deletes the
  // claim (and the links touching it: none yet), and then the link is written pointing at a
  // claim that no longer exists. Today both calls succeed and links:list returns that link.
  it('never leaves a link to a claim deleted at the same time', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const [linked, deleted] = await Promise.all([
      b.dispatch('links:create', {
        fromClaimId: claims.troops.id,
        relation: 'supports',
        target: { kind: 'claim', claimId: claims.diplomacy.id },
      }),
      b.dispatch('claims:delete', { claimId: claims.diplomacy.id }),
    ]);
    expect(deleted.ok).toBe(true);
    expect(linked).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(b, 'links:list', { caseId })).toEqual([]);
  });
});
