import { afterEach, describe, expect, it } from 'vitest';
import { scoreClaim } from '../../../shared/scoring/confidence';
import { scoringCase, toScoredClaim } from '../../../shared/scoring/fromRecords';
import { parseCsv } from '../testing/csv';
import { exportText, openSample } from '../testing/exchange';
import { backendHarness, call } from '../testing/harness';
import { CLAIM_COLUMNS, csvCell } from './csv';

const harness = backendHarness();
afterEach(() => harness.cleanup());

describe('csvCell', () => {
  it('neutralises what a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    expect(csvCell('=SUM(1+1)')).toBe("'=SUM(1+1)");
    expect(csvCell('+7 (495) 123')).toBe("'+7 (495) 123");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a = b')).toBe('a = b');
    expect(csvCell(42)).toBe('42');
  });

  it('quotes per RFC 4180: commas, quotes and line breaks; quotes doubled', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe('cases:export as CSV', () => {
  it('writes UTF-8 with a BOM, a header and one CRLF-ended row per claim', async () => {
    const { b, caseId } = await openSample(harness);
    const file = await exportText(b, caseId, 'csv');
    expect(file.fileName).toBe('Russia and Venezuela, November 2025.csv');
    expect(file.mimeType).toMatch(/^text\/csv;charset=utf-8/);
    const bytes = Buffer.from(file.text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.text.endsWith('\r\n')).toBe(true);
    expect(file.text.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n/);
    const rows = parseCsv(file.text.slice(1));
    expect(rows[0]).toEqual([...CLAIM_COLUMNS]);
    expect(rows).toHaveLength(15);
    expect(rows.every((r) => r.length === CLAIM_COLUMNS.length)).toBe(true);
  });

  it('gives each claim its chain, grades and score as the claim panel computes them', async () => {
    const { b, caseId } = await openSample(harness);
    const claims = await call(b, 'claims:list', { caseId });
    const scoring = scoringCase({
      claims,
      entities: await call(b, 'entities:list', {}),
      documents: await call(b, 'documents:list', { caseId }),
      links: await call(b, 'links:list', { caseId }),
    });
    const rows = parseCsv((await exportText(b, caseId, 'csv')).text.slice(1)).slice(1);
    const col = (name: (typeof CLAIM_COLUMNS)[number]) => CLAIM_COLUMNS.indexOf(name);
    claims.forEach((claim, i) => {
      const score = scoreClaim(toScoredClaim(claim), scoring);
      const row = rows[i] ?? [];
      expect(row[col('Claim id')]).toBe(claim.id);
      expect(row[col('Source reliability')]).toBe(score.reliability);
      expect(row[col('Admiralty code')]).toBe(`${score.reliability}${claim.credibility}`);
      expect(row[col('Claim score (0–100)')]).toBe(score.value === null ? '' : String(score.value));
      expect(row[col('Corroborating sources')]).toBe(String(score.corroborating));
    });
    const galeotti = rows.find((r) =>
      r[col('Wording')]?.startsWith('If the US moves to topple Maduro'),
    );
    expect(galeotti?.slice(col('Speaker'), col('Document outlet') + 1)).toEqual([
      'Mark Galeotti',
      'Radio Liberty',
      'Claimdesk sample digest',
    ]);
    expect(galeotti?.[col('Admiralty code')]).toBe('B2');
    expect(galeotti?.[col('Tags')]).toBe('russian-response; military-options');
  });

  it('neutralises a formula in a claim, and quotes quotes and line breaks so they read back', async () => {
    const { b, caseId } = await openSample(harness);
    const [first, second] = await call(b, 'claims:list', { caseId });
    if (!first || !second) throw new Error('sample too small');
    await call(b, 'claims:update', { claimId: first.id, text: '=SUM(1+1)' });
    const notes = 'He said "no", twice,\r\nthen: "maybe"\nand left';
    await call(b, 'claims:update', { claimId: second.id, notes, tags: ['a,b', '@home'] });
    const file = await exportText(b, caseId, 'csv');
    expect(file.text).toContain(`${first.id},'=SUM(1+1),`);
    const rows = parseCsv(file.text.slice(1));
    const byId = new Map(rows.map((r) => [r[0], r]));
    expect(byId.get(first.id)?.[CLAIM_COLUMNS.indexOf('Wording')]).toBe("'=SUM(1+1)");
    expect(byId.get(second.id)?.[CLAIM_COLUMNS.indexOf('Notes')]).toBe(notes);
    expect(byId.get(second.id)?.[CLAIM_COLUMNS.indexOf('Tags')]).toBe('a,b; @home');
  });
});
