import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend';
import { CURRENT_SCHEMA_VERSION } from '../store/schema';
import { exportText, importJob, openSample } from '../testing/exchange';
import { backendHarness } from '../testing/harness';
import { readTree, tempDirs } from '../testing/tempDir';

const harness = backendHarness();
const dirs = tempDirs();
afterEach(async () => {
  await harness.cleanup();
  await dirs.cleanup();
});

type Json = Record<string, unknown> & {
  claims: Record<string, unknown>[];
  documents: Record<string, unknown>[];
};

/** Each bad file, made from a good export, and what the refusal must say. */
const BAD_FILES: { what: string; make: (good: string) => string | Buffer; says: RegExp }[] = [
  {
    what: 'JSON cut after a complete value',
    make: (good) => good.slice(0, good.indexOf('"formatVersion": 1') + '"formatVersion": 1'.length),
    says: /cut off/,
  },
  {
    what: 'truncated JSON',
    make: (good) => good.slice(0, Math.floor(good.length / 2)),
    says: /cut off/,
  },
  {
    what: 'hand-edited JSON with a syntax error',
    make: (good) => good.replace('"formatVersion": 1,', '"formatVersion": 1,,'),
    says: /it is not valid JSON \(/,
  },
  { what: 'an empty file', make: () => '', says: /empty/ },
  { what: 'not JSON at all', make: () => 'Claim id,Wording\r\nx,y\r\n', says: /not valid JSON/ },
  {
    what: 'not text',
    make: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]),
    says: /not a text file/,
  },
  {
    what: 'JSON that is not a case',
    make: () => '{"hello": "world"}',
    says: /not a Claimdesk case file.*"format": "claimdesk-case"/,
  },
  { what: 'a JSON array', make: () => '[1, 2, 3]', says: /not a Claimdesk case file/ },
  {
    what: 'another format',
    make: () => '{"format": "stix-bundle"}',
    says: /format is "stix-bundle"/,
  },
  {
    what: 'a newer schema',
    make: (good) =>
      JSON.stringify({ ...(JSON.parse(good) as Json), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }),
    says: new RegExp(
      `newer Claimdesk \\(case file format 1, schema ${CURRENT_SCHEMA_VERSION + 1}\\).*schemas up to ${CURRENT_SCHEMA_VERSION}`,
    ),
  },
  {
    what: 'a newer file format',
    make: (good) => JSON.stringify({ ...(JSON.parse(good) as Json), formatVersion: 2 }),
    says: /newer Claimdesk \(case file format 2, schema \d+\); this version reads format 1/,
  },
  {
    what: 'a hand-edited grade out of range',
    make: (good) => {
      const file = JSON.parse(good) as Json;
      file.claims[3] = { ...file.claims[3], credibility: 9 };
      return JSON.stringify(file);
    },
    says: /does not hold a valid case \(claims\.3\.credibility: /,
  },
  {
    what: 'a hand-edited reference to nothing',
    make: (good) => {
      const file = JSON.parse(good) as Json;
      file.claims[0] = { ...file.claims[0], documentId: 'doc-gone' };
      return JSON.stringify(file);
    },
    says: /is on document doc-gone, which is not in the file/,
  },
  {
    what: 'a hand-edited document text',
    make: (good) => {
      const file = JSON.parse(good) as Json;
      file.documents[0] = { ...file.documents[0], text: 'Something else entirely.' };
      return JSON.stringify(file);
    },
    says: /does not match its content hash/,
  },
];

describe('cases:import refuses a file it cannot read, naming it, and writes nothing', () => {
  let b: Backend;
  let dir = '';
  let good = '';

  beforeEach(async () => {
    dir = await dirs.make();
    const opened = await openSample(harness, dir);
    b = opened.b;
    good = (await exportText(b, opened.caseId, 'json')).text;
  });

  for (const bad of BAD_FILES) {
    it(`refuses ${bad.what}`, async () => {
      const before = await readTree(dir);
      const made = bad.make(good);
      const bytes = typeof made === 'string' ? Buffer.from(made, 'utf8') : made;
      const fileName = `Weekly case ${bad.what}.json`;
      const status = await importJob(b, { fileName, dataBase64: bytes.toString('base64') });
      expect(status.state).toBe('failed');
      expect(status.error).toContain(`“${fileName}” cannot be imported`);
      expect(status.error).toMatch(bad.says);
      // Byte for byte: no text file, no journal line, no snapshot rewrite.
      expect(await readTree(dir)).toEqual(before);
      expect(b.store.list('cases')).toHaveLength(1);
    });
  }

  it('refuses to merge into a case that does not exist', async () => {
    const before = await readTree(dir);
    const result = await b.dispatch('cases:import', {
      fileName: 'case.json',
      dataBase64: Buffer.from(good).toString('base64'),
      intoCaseId: 'no-such-case',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'caseId' } });
    expect(await readTree(dir)).toEqual(before);
  });

  it('has a good file to start from (the refusals are about the edits)', async () => {
    const status = await importJob(b, {
      fileName: 'good.json',
      dataBase64: Buffer.from(good).toString('base64'),
    });
    expect(status.state).toBe('done');
  });
});
