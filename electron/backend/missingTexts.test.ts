/**
 * A document text gone from texts/ (issue 10): put back from the backups' copy at open when
 * there is one; otherwise named by app:info from the first call, served as `text: null` with
 * the reason by documents:get, and exported as `"text": null` without stopping the export.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend';
import { hashText } from './store/textStore';
import { exportJson } from './testing/exchange';
import { addDocument, backendHarness, call, makeCase } from './testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

const TEXT = 'Moscow condemns excessive military force, the spokesperson said.';

/** A data dir with one case and one document, closed (so backed up, texts copied). */
async function closedWithDocument(): Promise<{ dir: string; caseId: string; documentId: string }> {
  const b = await harness.start();
  const caseId = await makeCase(b);
  const document = await addDocument(b, caseId, TEXT);
  const dir = b.store.dir;
  await harness.stop(b);
  return { dir, caseId, documentId: document.id };
}

const textFile = (dir: string) => path.join(dir, 'texts', `${hashText(TEXT)}.txt`);
const health = async (b: Backend) => (await call(b, 'app:info', {})).health;

describe('a missing document text', () => {
  it('is put back from the backups copy at open, and said so', async () => {
    const { dir, documentId } = await closedWithDocument();
    await rm(textFile(dir));
    const b = await harness.start(dir);
    expect(await health(b)).toMatchObject({ missingTexts: [], textsRecovered: 1 });
    expect(await call(b, 'documents:get', { documentId })).toMatchObject({
      text: TEXT,
      problem: '',
    });
    expect(harness.logs.join('\n')).toMatch(/put back 1 missing document text/);
  });

  it('with no copy anywhere: named by app:info, text null with the reason, and the export completes', async () => {
    const { dir, caseId, documentId } = await closedWithDocument();
    await rm(textFile(dir));
    await rm(path.join(dir, 'backups', 'texts', `${hashText(TEXT)}.txt`));
    const b = await harness.start(dir);
    const { missingTexts } = await health(b);
    expect(missingTexts).toEqual([
      expect.objectContaining({ documentId, caseId, contentHash: hashText(TEXT) }),
    ]);
    const got = await call(b, 'documents:get', { documentId });
    expect(got.text).toBeNull();
    expect(got.problem).toContain(`texts/${hashText(TEXT)}.txt`);
    const exported = await exportJson(b, caseId);
    expect(exported.documents).toEqual([expect.objectContaining({ id: documentId, text: null })]);
    // The same text stored again lands in place (same text, same hash) and is served again.
    await b.store.texts.put(TEXT);
    expect((await call(b, 'documents:get', { documentId })).text).toBe(TEXT);
  });
});
