import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../shared/contract/channels';
import { openBackend, type Backend } from './backend';
import { readTree, tempDirs } from './testing/tempDir';

const SAMPLE_CASE = fileURLToPath(new URL('../../data/sample-case.json', import.meta.url));

const dirs = tempDirs();
const open: Backend[] = [];
const logs: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
  await dirs.cleanup();
  logs.length = 0;
});

async function start(dataDir: string, sampleCaseFile?: string): Promise<Backend> {
  const backend = await openBackend({
    dataDir,
    host: 'web',
    version: 'test',
    sampleCaseFile,
    log: (message) => logs.push(message),
  });
  open.push(backend);
  return backend;
}

async function stop(backend: Backend): Promise<void> {
  open.splice(open.indexOf(backend), 1);
  await backend.close();
}

/** A call that must succeed, typed by its channel. */
async function call<C extends Channel>(
  b: Backend,
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const result = await b.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as Output<C>;
}

const TEXT =
  'Zakharova said on 30 October that Russia would help Venezuela "to the best of its ability". ' +
  'Analysts in Berlin said the war in Ukraine rules out sending troops. 🇷🇺 End of report.';
const QUOTE = 'the war in Ukraine rules out sending troops';

/** A case with one document and one claim on QUOTE. */
async function seedOne(b: Backend) {
  const created = await call(b, 'cases:create', { title: 'Venezuela', question: 'Intervention?' });
  const { document: doc } = await call(b, 'documents:create', {
    caseId: created.id,
    title: 'Briefing',
    text: TEXT,
    outlet: 'Wire',
  });
  const start = TEXT.indexOf(QUOTE);
  const claim = await call(b, 'claims:create', {
    documentId: doc.id,
    start,
    end: start + QUOTE.length,
    exact: QUOTE,
  });
  return { created, doc, claim, start };
}

describe('backend handlers through dispatch', () => {
  it('creates a case, a document and a claim, and lists the claim with its anchor', async () => {
    const b = await start(await dirs.make());
    const { created, doc, claim, start: at } = await seedOne(b);
    expect(doc).toMatchObject({ caseId: created.id, textLength: TEXT.length, format: 'paste' });
    expect(await call(b, 'documents:get', { documentId: doc.id })).toEqual({
      document: doc,
      text: TEXT,
      problem: '',
      versions: [doc],
    });
    expect(claim).toMatchObject({
      caseId: created.id,
      documentId: doc.id,
      text: QUOTE,
      anchor: {
        exact: QUOTE,
        start: at,
        end: at + QUOTE.length,
        prefix: TEXT.slice(at - 32, at),
        suffix: TEXT.slice(at + QUOTE.length, at + QUOTE.length + 32),
      },
    });
    expect(await call(b, 'claims:list', { caseId: created.id })).toEqual([claim]);
    const [summary] = await call(b, 'cases:list', {});
    expect(summary).toMatchObject({ id: created.id, documentCount: 1, claimCount: 1 });
  });

  it('rewords a claim with claims:update and removes it with claims:delete', async () => {
    const b = await start(await dirs.make());
    const { created, claim } = await seedOne(b);
    const updated = await call(b, 'claims:update', { claimId: claim.id, text: '  Reworded  ' });
    expect(updated).toEqual({ ...claim, text: 'Reworded', updatedAt: updated.updatedAt });
    expect(updated.updatedAt >= claim.updatedAt).toBe(true);
    expect(await call(b, 'claims:list', { caseId: created.id })).toEqual([updated]);

    expect(await call(b, 'claims:delete', { claimId: claim.id })).toEqual({ claimId: claim.id });
    expect(await call(b, 'claims:list', { caseId: created.id })).toEqual([]);
    const again = await b.dispatch('claims:delete', { claimId: claim.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found', field: 'claimId' } });
  });

  it('gives identical answers after close and reopen', async () => {
    const dir = await dirs.make();
    const b = await start(dir);
    const { created, doc, claim } = await seedOne(b);
    await call(b, 'claims:update', { claimId: claim.id, text: 'Edited once' });
    const read = async (x: Backend) => ({
      cases: await call(x, 'cases:list', {}),
      documents: await call(x, 'documents:list', { caseId: created.id }),
      document: await call(x, 'documents:get', { documentId: doc.id }),
      claims: await call(x, 'claims:list', { caseId: created.id }),
      snapshot: await x.store.snapshot(),
    });
    const before = await read(b);
    await stop(b);
    const reopened = await start(dir);
    expect(await read(reopened)).toEqual(before);
  });

  it('answers a malformed payload with invalid_input naming the field, changing nothing on disk', async () => {
    const dir = await dirs.make();
    const b = await start(dir);
    await seedOne(b);
    const before = await readTree(dir);
    const result = await b.dispatch('cases:create', { title: 5 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'title',
        message: expect.stringMatching(/^Invalid cases:create request: title: /) as unknown,
      },
    });
    expect(await readTree(dir)).toEqual(before);
    expect(logs).toEqual([]);
  });

  it('refuses documents:create with empty text, with a message, storing no text', async () => {
    const dir = await dirs.make();
    const b = await start(dir);
    const created = await call(b, 'cases:create', { title: 'Case' });
    for (const text of ['', '   \n  ']) {
      const result = await b.dispatch('documents:create', { caseId: created.id, title: 'T', text });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          field: 'text',
          message: 'Invalid documents:create request: text: must not be empty',
        },
      });
    }
    expect(await readdir(path.join(dir, 'texts'))).toEqual([]);
    expect(await call(b, 'documents:list', { caseId: created.id })).toEqual([]);
  });

  it('answers an unknown channel with unknown_channel', async () => {
    const b = await start(await dirs.make());
    const result = await b.dispatch('cases:drop', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'There is no call named "cases:drop".' },
    });
  });

  it('refuses claims:create whose exact text or range does not match the document', async () => {
    const b = await start(await dirs.make());
    const { created, doc, start: at } = await seedOne(b);
    const end = at + QUOTE.length;
    const mismatch = await b.dispatch('claims:create', {
      documentId: doc.id,
      start: at,
      end,
      exact: 'the war in Ukraine rules out sending TANKS',
    });
    expect(mismatch).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/does not match/) as unknown },
    });
    const outside = await b.dispatch('claims:create', {
      documentId: doc.id,
      start: TEXT.length - 3,
      end: TEXT.length + 5,
      exact: 'rt.xxxxx',
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await b.dispatch('claims:create', {
      documentId: 'no-such-doc',
      start: 0,
      end: 1,
      exact: 'Z',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(b, 'claims:list', { caseId: created.id })).toHaveLength(1);
  });

  it('seeds the sample case into an empty data dir once, not again on reopen', async () => {
    const dir = await dirs.make();
    const b = await start(dir, SAMPLE_CASE);
    const cases = await call(b, 'cases:list', {});
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      title: 'Russia and Venezuela, November 2025',
      documentCount: 1,
      claimCount: 14,
    });
    const caseId = cases[0]?.id ?? '';
    const [document] = await call(b, 'documents:list', { caseId });
    const { text } = await call(b, 'documents:get', { documentId: document?.id ?? '' });
    if (text === null) throw new Error('the sample document has no text');
    const claims = await call(b, 'claims:list', { caseId });
    expect(text).not.toBeNull();
    for (const claim of claims) {
      expect((text ?? '').slice(claim.anchor.start, claim.anchor.end)).toBe(claim.anchor.exact);
    }
    // The ten sample entities, plus the outlet entity documents:create makes for the digest.
    const entities = await call(b, 'entities:list', {});
    expect(entities).toHaveLength(11);
    expect(entities.find((e) => e.id === document?.outletId)).toMatchObject({
      name: document?.outlet,
      kind: 'outlet',
    });
    const known = new Set(entities.map((e) => e.id));
    for (const claim of claims) {
      const { speakerId, via } = claim.attribution;
      for (const id of [speakerId, ...via]) if (id !== null) expect(known.has(id)).toBe(true);
    }
    expect(claims.filter((c) => c.attribution.speakerId !== null)).toHaveLength(12);
    const snapshot = await b.store.snapshot();
    await stop(b);

    const reopened = await start(dir, SAMPLE_CASE);
    expect(reopened.store.report.created).toBe(false);
    expect(await reopened.store.snapshot()).toEqual(snapshot);
    expect(await call(reopened, 'cases:list', {})).toHaveLength(1);
    expect(logs).toEqual([]);
  });
});
