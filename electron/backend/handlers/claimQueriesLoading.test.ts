/**
 * A search typed while a large case still loads after start (issue 9): answered at once over
 * the claims read so far, saying so, instead of waiting seconds for the whole case.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateStore } from '../../../bench/generate';
import { backendHarness, call } from '../testing/harness';
import { tempDirs } from '../testing/tempDir';

const harness = backendHarness();
const dirs = tempDirs();
afterEach(async () => {
  await harness.cleanup();
  await dirs.cleanup();
});

describe('claims:query while the case loads', () => {
  it('answers a search over the claims read so far, says so, and the whole answer once loaded', async () => {
    const dir = path.join(await dirs.make(), 'store');
    // Three buckets of claims in one case: they load in the background after open.
    await generateStore(dir, 4500);
    const b = await harness.start(dir);
    const [caseSummary] = await call(b, 'cases:list', {});
    const caseId = caseSummary?.id ?? '';
    const query = { caseId, filter: { query: 'russia' }, offset: 0, limit: 50 };

    const early = await call(b, 'claims:query', query);
    expect(early.loading).not.toBeNull();
    expect(early.total).toBe(4500);
    expect(early.matched).toBeLessThan(4500);
    for (const row of early.rows)
      expect(JSON.stringify(row.claim).toLowerCase()).toContain('russia');

    await b.store.ready;
    const done = await call(b, 'claims:query', query);
    expect(done.loading).toBeNull();
    expect(done.matched).toBeGreaterThan(early.matched);
    expect(done.rows).toHaveLength(50);
  }, 60_000);

  it('answers the first page with claims in it, not only placeholders, while the rest loads', async () => {
    const dir = path.join(await dirs.make(), 'store');
    await generateStore(dir, 4500);
    const b = await harness.start(dir);
    const [caseSummary] = await call(b, 'cases:list', {});
    const first = await call(b, 'claims:query', {
      caseId: caseSummary?.id ?? '',
      offset: 0,
      limit: 50,
    });
    expect(first.loading).not.toBeNull();
    expect(first.matched).toBe(4500);
    expect(first.rows).toHaveLength(50);
  }, 60_000);
});
