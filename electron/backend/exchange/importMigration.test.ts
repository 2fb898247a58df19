import { afterEach, describe, expect, it } from 'vitest';
import { hashText } from '../store/textStore';
import { exportText, importJob, importText, openSample } from '../testing/exchange';
import { backendHarness, call } from '../testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

type Rec = Record<string, unknown>;
type Json = Rec & { entities: Rec[]; claims: (Rec & { attribution: Rec })[] };

/** The sample case exported today, as a schema-4 file would have it: with no briefings. */
async function currentExport(): Promise<Json> {
  const { b, caseId } = await openSample(harness);
  const file = JSON.parse((await exportText(b, caseId, 'json')).text) as Json;
  delete file.briefings;
  return file;
}

describe('cases:import of a file from an older Claimdesk', () => {
  it('reads a schema-4 file (before briefing notes)', async () => {
    const file = await currentExport();
    const other = await harness.start();
    const imported = await importText(
      other,
      'v4.json',
      JSON.stringify({ ...file, schemaVersion: 4 }),
    );
    expect(imported.added).toEqual({
      documents: 1,
      claims: 14,
      entities: 11,
      links: 5,
      judgments: 2,
    });
    expect(other.store.count('briefings')).toBe(0);
  });

  it('reads a schema-3 file (before grades), migrating its records: grades start as "cannot be judged"', async () => {
    const file = await currentExport();
    const v3 = {
      ...file,
      schemaVersion: 3,
      entities: file.entities.map(({ reliability: _r, ...e }) => e),
      claims: file.claims.map(({ credibility: _c, ...claim }) => {
        const attribution = { ...claim.attribution };
        delete attribution.reliabilityOverrides;
        return { ...claim, attribution };
      }),
    };
    const other = await harness.start();
    const imported = await importText(other, 'v3.json', JSON.stringify(v3));
    expect(imported.added).toEqual({
      documents: 1,
      claims: 14,
      entities: 11,
      links: 5,
      judgments: 2,
    });
    const claims = await call(other, 'claims:list', { caseId: imported.caseId });
    expect(new Set(claims.map((c) => c.credibility))).toEqual(new Set([6]));
    expect(claims.every((c) => Object.keys(c.attribution.reliabilityOverrides).length === 0)).toBe(
      true,
    );
    expect(new Set((await call(other, 'entities:list', {})).map((e) => e.reliability))).toEqual(
      new Set(['F']),
    );
  });

  const TEXT = 'Zakharova said Moscow would honour its obligations to Caracas.';
  const QUOTE = 'Moscow would honour its obligations';
  const start = TEXT.indexOf(QUOTE);
  const envelope = {
    format: 'claimdesk-case',
    formatVersion: 1,
    exportedAt: '2024-11-03T00:00:00.000Z',
  };
  const oldCase = {
    id: 'c',
    title: 'Old case',
    question: '',
    createdAt: '2024-11-01T00:00:00.000Z',
    updatedAt: '2024-11-01T00:00:00.000Z',
  };
  const oldDocument = {
    id: 'd',
    caseId: 'c',
    title: 'Briefing',
    outlet: 'TASS',
    url: '',
    publishedAt: '2024-10-30',
    format: 'paste',
    contentHash: hashText(TEXT),
    textLength: TEXT.length,
    createdAt: '2024-11-01T00:00:00.000Z',
    text: TEXT,
  };

  it('reads a minimal schema-2 case (before attribution), filling the defaults', async () => {
    const v2 = {
      ...envelope,
      schemaVersion: 2,
      case: oldCase,
      documents: [oldDocument],
      claims: [
        {
          id: 'k',
          caseId: 'c',
          documentId: 'd',
          text: 'Russia will honour its obligations',
          anchor: { exact: QUOTE, prefix: '', suffix: '', start, end: start + QUOTE.length },
          createdAt: '2024-11-01T00:00:00.000Z',
          updatedAt: '2024-11-01T00:00:00.000Z',
        },
      ],
    };
    const b = await harness.start();
    const imported = await importText(b, 'v2.json', JSON.stringify(v2));
    expect(imported.added).toEqual({
      documents: 1,
      claims: 1,
      entities: 0,
      links: 0,
      judgments: 0,
    });
    const [claim] = await call(b, 'claims:list', { caseId: imported.caseId });
    expect(claim).toMatchObject({
      kind: 'unattributed',
      status: 'unverified',
      credibility: 6,
      anchor: { exact: QUOTE, start },
      attribution: { speakerId: null, via: [], reliabilityOverrides: {} },
    });
    const { document, text } = await call(b, 'documents:get', {
      documentId: claim?.documentId ?? '',
    });
    expect(text).toBe(TEXT);
    expect(document).toMatchObject({
      title: 'Briefing',
      author: '',
      outletId: null,
      previousVersionId: null,
    });
  });

  it('reads even a schema-1 case (flat quotes, epoch times) through every migration', async () => {
    const v1 = {
      ...envelope,
      schemaVersion: 1,
      case: { ...oldCase, createdAt: Date.UTC(2024, 10, 1), updatedAt: Date.UTC(2024, 10, 1) },
      documents: [{ ...oldDocument, createdAt: Date.UTC(2024, 10, 1) }],
      claims: [
        {
          id: 'k',
          caseId: 'c',
          documentId: 'd',
          text: 'Honour',
          quote: QUOTE,
          start,
          end: start + QUOTE.length,
          createdAt: Date.UTC(2024, 10, 1, 12),
        },
      ],
    };
    const b = await harness.start();
    const imported = await importText(b, 'v1.json', JSON.stringify(v1));
    const [claim] = await call(b, 'claims:list', { caseId: imported.caseId });
    expect(claim).toMatchObject({
      anchor: { exact: QUOTE, prefix: '', suffix: '', start, end: start + QUOTE.length },
      createdAt: '2024-11-01T12:00:00.000Z',
      updatedAt: '2024-11-01T12:00:00.000Z',
    });
  });

  it('refuses an old file whose records do not migrate to a valid case, naming the problem', async () => {
    const b = await harness.start();
    const status = await importJob(b, {
      fileName: 'old.json',
      dataBase64: Buffer.from(
        JSON.stringify({
          ...envelope,
          schemaVersion: 2,
          case: oldCase,
          documents: [{ ...oldDocument, format: 'fax' }],
          claims: [],
        }),
      ).toString('base64'),
    });
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/“old\.json” cannot be imported: .*documents\.0\.format/);
  });
});
