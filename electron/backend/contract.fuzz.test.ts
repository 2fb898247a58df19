/**
 * Property-based tests of every contract input (shared/contract/channels.ts): random and
 * malformed payloads thrown at `dispatch` on a data dir seeded with the sample case.
 *
 * For every channel: dispatch never throws and answers `{ok: false, error: {code, message}}`
 * with a non-empty message and the precise code: `invalid_input` for a payload the contract
 * refuses, `not_found` for a well-formed payload naming an id that does not exist (the table
 * below says which channel answers what). And nothing is written: after every single failing
 * call the data dir's files (claimdesk.json, claimdesk.journal, the lock, texts/) are compared
 * byte for byte with what they were before, and so are the store's records in memory and the
 * undo state. The payloads are built to be malformed by construction (a non-object, an
 * unknown key, a missing required key, a value of the wrong JavaScript type, a number or
 * string out of range), so the test does not ask zod what it expects zod to answer; the
 * schemas are only read for their keys and field types, and a sanity test checks that each
 * base payload it mutates is itself valid.
 *
 * At the end: a property that Object.prototype (and friends) were not polluted by any of it.
 * Bugs it found (since fixed) are pinned as regressions in the last block.
 */
import { Buffer } from 'node:buffer';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, inputSchemas, type Channel } from '../../shared/contract/channels';
import type { ErrorCode, Result } from '../../shared/contract/result';
import { CONFIDENCE_LEVELS, LIKELIHOODS } from '../../shared/grading/scales';
import { openBackend, type Backend } from './backend';

const SAMPLE = path.resolve('data/sample-case.json');
/** Runs per property and channel; the anything-goes property gets the most. */
const RUNS = { anything: 60, mutation: 30 };
const seedFromEnv = process.env.CLAIMDESK_FUZZ_SEED;
const fcOptions = (numRuns: number): fc.Parameters<unknown> =>
  seedFromEnv === undefined ? { numRuns } : { numRuns, seed: Number(seedFromEnv) };

// -----------------------------------------------------------------------------------------
// What the schemas declare (keys and field types only)

type FieldKind = 'string' | 'number' | 'boolean' | 'array' | 'object';
interface Field {
  key: string;
  kind: FieldKind;
  nullable: boolean;
  required: boolean;
  /** For strings: the longest accepted, when there is a limit. */
  maxLength: number | null;
}

interface ZodInternals {
  _zod: { def: { type: string; innerType?: unknown; in?: unknown; options?: unknown[] } };
  maxLength?: number | null;
}
const internals = (schema: unknown) => schema as ZodInternals;

function describeField(key: string, schema: z.ZodType): Field {
  let current = internals(schema);
  let nullable = false;
  for (;;) {
    const { type, innerType, in: input } = current._zod.def;
    if (type === 'nullable') nullable = true;
    if (['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(type)) {
      current = internals(innerType);
    } else if (type === 'pipe') {
      current = internals(input);
    } else {
      break;
    }
  }
  const { type, options } = current._zod.def;
  const kindOf = (t: string): FieldKind =>
    t === 'string' || t === 'enum' || t === 'template_literal'
      ? 'string'
      : t === 'number' || t === 'int'
        ? 'number'
        : t === 'boolean'
          ? 'boolean'
          : t === 'array'
            ? 'array'
            : 'object';
  let kind: FieldKind;
  if (type === 'union') {
    const kinds = (options ?? []).map((o) => {
      const t = internals(o)._zod.def.type;
      return t === 'literal' ? 'string' : kindOf(t);
    });
    kind = kinds[0] ?? 'object';
  } else if (type === 'literal') {
    // The credibility codes (1–6); the only literal field of the contract.
    kind = 'number';
  } else {
    kind = kindOf(type);
  }
  const required = (schema as unknown as { _zod: { optin?: string } })._zod.optin === undefined;
  return { key, kind, nullable, required, maxLength: current.maxLength ?? null };
}

const fieldsOf = (channel: Channel): Field[] => {
  const shape = (inputSchemas[channel] as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).map(([key, schema]) => describeField(key, schema));
};

// -----------------------------------------------------------------------------------------
// The data dir and the checks that nothing changed

let backend: Backend;
let dataDir = '';
const logs: string[] = [];

interface Ids {
  caseId: string;
  documentId: string;
  documentText: string;
  claimId: string;
  otherClaimId: string;
  anchor: { start: number; end: number; exact: string };
  entityId: string;
  otherEntityId: string;
  linkId: string;
  judgmentId: string;
  briefingId: string;
  exportedCase: string;
  /** A finished export job. */
  jobId: string;
}
let ids: Ids;
let allIds = new Set<string>();

async function call(channel: Channel, input: unknown): Promise<unknown> {
  const result = await backend.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Every file of the data dir, byte for byte, plus the store's records and undo state. */
async function state(): Promise<string> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const parts = await Promise.all(
    files.map(
      async (f) => `${path.relative(dataDir, f)}:${(await readFile(f)).toString('base64')}`,
    ),
  );
  const undo = await backend.dispatch('edit:state', {});
  return JSON.stringify([parts, await backend.store.snapshot(), undo]);
}

interface Expected {
  code: ErrorCode;
  /** The field the error must name (exactly), or a test for it. */
  field?: string | ((field: string | undefined) => boolean);
}

/** Dispatches a payload that must fail with `expected`, and checks that nothing changed. */
async function rejects(channel: Channel, payload: unknown, expected: Expected): Promise<void> {
  const before = await state();
  let result: Result<unknown>;
  try {
    result = await backend.dispatch(channel, payload);
  } catch (error) {
    throw new Error(`dispatch threw on ${channel}: ${String(error)}`, { cause: error });
  }
  expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false);
  if (result.ok) return;
  expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  const { code, message, field } = result.error;
  expect(code, message).toBe(expected.code);
  expect(typeof message).toBe('string');
  expect(message.trim().length).toBeGreaterThan(0);
  if (code === 'invalid_input' && message.startsWith('Invalid ')) {
    expect(message.startsWith(`Invalid ${channel} request: `)).toBe(true);
  }
  if (typeof expected.field === 'string') expect(field, message).toBe(expected.field);
  else if (expected.field) expect(expected.field(field), `${message} (field ${field})`).toBe(true);
  expect(await state(), `${channel} wrote something`).toBe(before);
}

// -----------------------------------------------------------------------------------------
// Valid payloads to mutate: every declared key present, existing ids, so that a mutation the
// contract ignored would reach the handler and write, and the byte comparison would see it.

function basePayload(channel: Channel): Record<string, unknown> {
  const { caseId, documentId, claimId, otherClaimId, anchor, entityId, otherEntityId } = ids;
  const attribution = {
    speakerId: null,
    via: [],
    cue: 'said',
    saidOn: '',
    reportedOn: '2025-11-03',
    reliabilityOverrides: {},
  };
  const claimFields = {
    kind: 'reported',
    status: 'disputed',
    tags: ['fuzz'],
    notes: 'noted',
    credibility: 3,
    attribution,
  };
  const entityFields = {
    aliases: ['Alias'],
    role: 'role',
    affiliation: 'affiliation',
    notes: 'notes',
    reliability: 'C',
  };
  switch (channel) {
    case 'app:info':
    case 'cases:list':
    case 'entities:list':
    case 'edit:state':
    case 'edit:undo':
    case 'edit:redo':
    case 'recovery:status':
    case 'recovery:startEmpty':
      return {};
    case 'recovery:restore':
      return { file: 'claimdesk-2025-11-05T10-20-30.123Z.json' };
    case 'team:status':
      return {};
    case 'team:available':
      return { connection: 'postgresql://fuzz@127.0.0.1:1/claimdesk' };
    case 'team:share':
    case 'team:join':
      return { caseId, connection: 'postgresql://fuzz@127.0.0.1:1/claimdesk' };
    case 'team:leave':
    case 'team:sync':
    case 'team:members':
    case 'team:conflicts':
      return { caseId };
    case 'team:pause':
      return { caseId, paused: true };
    case 'team:setMember':
      return { caseId, member: 'fuzz_member', role: 'reader' };
    case 'team:removeMember':
      return { caseId, member: 'fuzz_member' };
    case 'team:resolve':
      return { caseId, conflictId: 1, choice: 'kept' };
    case 'cases:create':
      return { title: 'Fuzz case', question: 'Does it hold?' };
    case 'documents:list':
    case 'claims:list':
    case 'links:list':
    case 'judgments:list':
    case 'briefings:list':
      return { caseId };
    case 'changes:since':
      return { since: 0, waitMs: 0 };
    case 'documents:query':
      return { caseId, query: 'report', offset: 0, limit: 10 };
    case 'claims:query':
      return {
        caseId,
        filter: {
          query: 'troops',
          speakerId: entityId,
          outletId: otherEntityId,
          kind: 'direct_quote',
          status: 'unverified',
          tag: 'fuzz',
          documentId,
          orphaned: false,
        },
        offset: 0,
        limit: 10,
      };
    case 'claims:get':
      return { claimIds: [claimId, otherClaimId] };
    case 'claims:locate':
      return { caseId, filter: { query: 'troops' }, claimId };
    case 'claims:facets':
      return { caseId };
    case 'claims:ofDocument':
    case 'claims:orphans':
    case 'documents:get':
    case 'suggestions:list':
      return { documentId };
    case 'suggestions:accept':
      return {
        documentId,
        key: '00000000abcdef',
        text: 'A suggested claim',
        kind: 'reported',
        speaker: { name: 'A new speaker', kind: 'person', role: 'analyst' },
        via: [{ entityId: otherEntityId }],
        cue: 'said',
        saidOn: '2025-11-01',
        reportedOn: '2025-11-03',
        status: 'disputed',
        tags: ['fuzz'],
        notes: 'n',
        credibility: 3,
      };
    case 'suggestions:acceptAll':
      return { documentId, speaker: 'Mark Galeotti' };
    case 'suggestions:reject':
      return { documentId, keys: ['00000000abcdef'] };
    case 'evidence:ofClaim':
      return { claimId };
    case 'evidence:graph':
      return { focus: { kind: 'claim', id: claimId } };
    case 'jobs:status':
    case 'jobs:cancel':
      return { jobId: ids.jobId };
    case 'jobs:wait':
      return { jobId: ids.jobId, waitMs: 0 };
    case 'documents:extract':
      // `uploadId` is left out: a file comes either uploaded or inline, never both.
      return {
        caseId,
        fileName: 'note.txt',
        dataBase64: Buffer.from('A short note.').toString('base64'),
      };
    case 'documents:create':
      return {
        caseId,
        title: 'Fresh report',
        text: 'A text the case does not have yet.',
        format: 'paste',
        fileName: '',
        author: 'Author',
        outlet: '',
        url: 'https://example.org/report',
        publishedAt: '2025-11-01',
        retrievedAt: '2025-11-02',
        versionOf: null,
      };
    case 'claims:create':
      return { documentId, ...anchor, text: 'A claim', ...claimFields };
    case 'claims:update':
      return { claimId, text: 'Reworded', quoteConfirmed: true, ...claimFields };
    case 'claims:delete':
    case 'claims:history':
      return { claimId };
    case 'claims:reattach':
      return { claimId, passage: { documentId, ...anchor } };
    case 'entities:create':
      return { name: 'Someone New', kind: 'person', ...entityFields };
    case 'entities:update':
      return { entityId, name: 'Renamed Person', kind: 'person', ...entityFields };
    case 'entities:merge':
      return { keepId: entityId, mergeId: otherEntityId };
    case 'entities:profile':
      return { entityId, offset: 0, limit: 10 };
    case 'links:create':
      return {
        fromClaimId: claimId,
        relation: 'supports',
        target: { kind: 'claim', claimId: otherClaimId },
        note: 'a note',
        repeat: 'add',
      };
    case 'links:update':
      return { linkId: ids.linkId, relation: 'context', note: 'changed' };
    case 'links:delete':
      return { linkId: ids.linkId };
    case 'judgments:create':
      return {
        caseId,
        statement: 'It will hold.',
        likelihood: LIKELIHOODS[0],
        confidence: CONFIDENCE_LEVELS[0],
        basis: [{ claimId, relation: 'supports' }],
      };
    case 'judgments:update':
      return {
        judgmentId: ids.judgmentId,
        statement: 'It will not hold.',
        likelihood: LIKELIHOODS[1],
        confidence: CONFIDENCE_LEVELS[1],
        basis: [{ claimId, relation: 'contradicts' }],
        order: 3,
      };
    case 'judgments:delete':
      return { judgmentId: ids.judgmentId };
    case 'briefings:create':
      return { caseId, title: 'Note' };
    case 'briefings:update':
      return {
        briefingId: ids.briefingId,
        title: 'Note, again',
        marking: 'UNCLASSIFIED',
        author: 'Analyst',
        date: '2025-11-05',
        bluf: 'Bottom line.',
        judgmentIds: [ids.judgmentId],
        claimIds: [claimId],
      };
    case 'briefings:delete':
      return { briefingId: ids.briefingId };
    case 'briefings:export':
      return { briefingId: ids.briefingId, format: 'md' };
    case 'cases:export':
      return { caseId, format: 'json' };
    case 'cases:import':
      return { fileName: 'case.json', dataBase64: ids.exportedCase, intoCaseId: null };
  }
}

/** Keys a valid payload must leave out when it has the other one (a file: `uploadId` or `dataBase64`). */
const ALTERNATIVES = ['uploadId'];

// -----------------------------------------------------------------------------------------
// Arbitraries

const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isAdmin',
] as const;

/** `target` with `key` as an own, enumerable property, even for "__proto__" (as JSON.parse does). */
function withOwn<T extends object>(target: T, key: string, value: unknown): T {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return target;
}

/** A value of a JavaScript type the field does not take (never `undefined`). */
function wrongValue(field: Field): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (field.kind !== 'string') options.push(fc.string(), fc.constant(''));
  if (field.kind !== 'number') {
    options.push(fc.integer(), fc.double({ noNaN: true }), fc.constant(0));
  }
  if (field.kind !== 'boolean') options.push(fc.boolean());
  if (field.kind !== 'array') options.push(fc.array(fc.anything(), { maxLength: 3 }));
  if (field.kind !== 'object') {
    options.push(fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }));
  }
  if (!field.nullable) options.push(fc.constant(null));
  return fc.oneof(...options);
}

/** Numbers no integer field of the contract takes: negative, fractional, not finite. */
const badNumber = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0.5, 1e-9),
);

/** Objects or arrays nested `depth` deep, built without recursion. */
function nested(depth: number, kind: 'object' | 'array', key: string): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = kind === 'object' ? withOwn({}, key, value) : [value];
  return value;
}

const deepValue = fc
  .record({
    depth: fc.integer({ min: 50, max: 5000 }),
    kind: fc.constantFrom<'object' | 'array'>('object', 'array'),
    key: fc.constantFrom('a', '__proto__', 'constructor'),
  })
  .map(({ depth, kind, key }) => nested(depth, kind, key));

/** Well-formed ids (1–64 characters) that name nothing in the store. */
const unknownId = (): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.uuid(),
      fc.string({ minLength: 1, maxLength: 64 }),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
    )
    .filter((id) => !allIds.has(id));

// -----------------------------------------------------------------------------------------

const isInvalid: Expected = { code: 'invalid_input' };
const notFound = (field: string): Expected => ({ code: 'not_found', field });
/** The error names `key` (or a field inside it). */
const names =
  (key: string) =>
  (field: string | undefined): boolean =>
    field === key || (field?.startsWith(`${key}.`) ?? false);

const prototypeNames = (): string[] =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((proto) => Object.getOwnPropertyNames(proto).sort().join(','))
    .concat(Object.getOwnPropertySymbols(Object.prototype).map(String));
let prototypesBefore: string[] = [];

beforeAll(async () => {
  prototypesBefore = prototypeNames();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-fuzz-'));
  backend = await openBackend({
    dataDir,
    host: 'web',
    version: 'fuzz',
    sampleCaseFile: SAMPLE,
    log: (message) => logs.push(message),
    // No fold on a timer: the byte comparisons need a data dir nothing else writes to.
    store: { idleFoldMs: 0 },
  });
  const store = backend.store;
  const kase = store.list('cases')[0];
  const all = await store.snapshot();
  const claims = all.claims.filter((c) => c.caseId === kase?.id);
  const claim = claims[0];
  const other = claims[1];
  const entities = store.list('entities');
  const link = all.links[0];
  const judgment = all.judgments[0];
  if (!kase || !claim || !other || entities.length < 2 || !link || !judgment) {
    throw new Error('the sample case is not what this test expects');
  }
  const document = store.get('documents', claim.documentId);
  if (!document) throw new Error('the sample claim has no document');
  // A briefing note exists too, so that its channels are fuzzed against a real one.
  const briefing = (await call('briefings:create', { caseId: kase.id, title: 'Fuzz note' })) as {
    id: string;
  };
  // An export is a job now: its file, read back, is what the import channel is fed.
  const { jobId } = (await call('cases:export', { caseId: kase.id, format: 'json' })) as {
    jobId: string;
  };
  await call('jobs:wait', { jobId, waitMs: 30_000 });
  const exportedFile = backend.ctx.jobs.file(jobId);
  if (!exportedFile) throw new Error('the export left no file');
  ids = {
    caseId: kase.id,
    documentId: document.id,
    documentText: await store.texts.get(document.contentHash),
    claimId: claim.id,
    otherClaimId: other.id,
    anchor: { start: claim.anchor.start, end: claim.anchor.end, exact: claim.anchor.exact },
    entityId: entities[0]?.id ?? '',
    otherEntityId: entities[1]?.id ?? '',
    linkId: link.id,
    judgmentId: judgment.id,
    briefingId: briefing.id,
    exportedCase: (await readFile(exportedFile.path)).toString('base64'),
    jobId,
  };
  // What setting up wrote goes into segments now (and a backup), not in the middle of a test.
  await store.folder.fold();
  const snapshot = await store.snapshot();
  allIds = new Set(
    Object.values(snapshot).flatMap((list: unknown) =>
      Array.isArray(list) ? list.map((r: { id: string }) => r.id) : [],
    ),
  );
}, 60_000);

afterAll(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the fuzzing itself', () => {
  it('mutates base payloads that are valid and declare every key of their channel', () => {
    for (const channel of CHANNELS) {
      const base = basePayload(channel);
      const parsed = inputSchemas[channel].safeParse(base);
      expect(parsed.success, `${channel}: ${parsed.error?.message ?? ''}`).toBe(true);
      expect(Object.keys(base).sort(), channel).toEqual(
        fieldsOf(channel)
          .map((f) => f.key)
          .filter((key) => !ALTERNATIVES.includes(key))
          .sort(),
      );
    }
  });
});

for (const channel of CHANNELS) {
  describe(`${channel}: malformed payloads`, () => {
    const fields = fieldsOf(channel);
    const declared = new Set(fields.map((f) => f.key));
    const required = fields.filter((f) => f.required).map((f) => f.key);

    /** True when `value` cannot be a valid input, whatever the field types: see the header. */
    const malformedByConstruction = (value: unknown): boolean => {
      if (value === undefined || value === null) return required.length > 0;
      if (typeof value !== 'object' || Array.isArray(value)) return true;
      const keys = Object.keys(value);
      return keys.some((k) => !declared.has(k)) || required.some((k) => !keys.includes(k));
    };

    it('answers invalid_input to anything that is not an object of its declared keys', async () => {
      const payload = fc
        .oneof(
          fc.anything(),
          fc.anything({
            withNullPrototype: true,
            key: fc.oneof(fc.string(), fc.constantFrom(...POLLUTION_KEYS)),
          }),
          fc.jsonValue(),
        )
        .filter(malformedByConstruction);
      await fc.assert(
        fc.asyncProperty(payload, (p) => rejects(channel, p, isInvalid)),
        fcOptions(RUNS.anything),
      );
    });

    it('answers invalid_input naming an unknown key, prototype keys included', async () => {
      const extraKey = fc.oneof(
        fc.constantFrom(...POLLUTION_KEYS),
        fc.string({ minLength: 1 }).filter((k) => !declared.has(k)),
      );
      await fc.assert(
        fc.asyncProperty(extraKey, fc.anything(), (key, value) =>
          rejects(channel, withOwn(basePayload(channel), key, value), {
            code: 'invalid_input',
            field: key,
          }),
        ),
        fcOptions(RUNS.mutation),
      );
    });

    it('answers invalid_input to a payload nested thousands deep', async () => {
      await fc.assert(
        fc.asyncProperty(
          deepValue,
          fc.constantFrom('whole', 'extra', ...fields.map((f) => f.key)),
          (deep, where) => {
            // Whole, it is an array or an object with an undeclared key: malformed either way.
            const payload =
              where === 'whole'
                ? deep
                : where === 'extra'
                  ? withOwn(basePayload(channel), 'nested', deep)
                  : { ...basePayload(channel), [where]: deep };
            return rejects(channel, payload, isInvalid);
          },
        ),
        fcOptions(RUNS.mutation),
      );
    });

    if (fields.length === 0) return;

    it('answers invalid_input naming the field when a declared field has the wrong type', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fields).chain((f) => fc.tuple(fc.constant(f), wrongValue(f))),
          ([field, value]) =>
            rejects(
              channel,
              { ...basePayload(channel), [field.key]: value },
              { code: 'invalid_input', field: names(field.key) },
            ),
        ),
        fcOptions(RUNS.mutation),
      );
    });

    if (required.length > 0) {
      it('answers invalid_input naming a missing required field', async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...required), (key) => {
            const payload = basePayload(channel);
            delete payload[key];
            return rejects(channel, payload, { code: 'invalid_input', field: key });
          }),
          fcOptions(Math.min(RUNS.mutation, required.length * 4)),
        );
      });
    }

    const numbers = fields.filter((f) => f.kind === 'number');
    if (numbers.length > 0) {
      it('answers invalid_input to negative, fractional and non-finite numbers', async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...numbers), badNumber, (field, value) =>
            rejects(
              channel,
              { ...basePayload(channel), [field.key]: value },
              { code: 'invalid_input', field: names(field.key) },
            ),
          ),
          fcOptions(RUNS.mutation),
        );
      });
    }

    const bounded = fields.filter(
      (f): f is Field & { maxLength: number } => f.kind === 'string' && f.maxLength !== null,
    );
    if (bounded.length > 0) {
      it('answers invalid_input to strings over their limit, up to megabytes long', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...bounded),
            fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(1_000_000)),
            fc.constantFrom('x', 'é', '😀', '\u0000'),
            (field, over, unit) => {
              // Each unit is one code point (one or two UTF-16 units, no white space), so the
              // string is over the limit however it is counted: zod counts code points. The
              // two limits in the megabytes (a document's text, a file) get one over, in ASCII.
              const huge = field.maxLength > 1_000_000;
              const value = (huge ? 'x' : unit).repeat(field.maxLength + (huge ? 1 : over));
              return rejects(
                channel,
                { ...basePayload(channel), [field.key]: value },
                { code: 'invalid_input', field: field.key },
              );
            },
          ),
          fcOptions(Math.min(RUNS.mutation, bounded.length * 6)),
        );
      });
    }
  });
}

describe('nested objects refuse unknown and prototype keys too', () => {
  const cases: {
    channel: Channel;
    at: string;
    /** The keys the nested object declares: not unknown. */
    own: string[];
    build: (key: string) => Record<string, unknown>;
  }[] = [
    {
      channel: 'claims:update',
      at: 'attribution',
      own: ['speakerId', 'via', 'cue', 'saidOn', 'reportedOn', 'reliabilityOverrides'],
      build: (key) => ({
        ...basePayload('claims:update'),
        attribution: withOwn({ cue: 'said' }, key, { polluted: true }),
      }),
    },
    {
      channel: 'claims:reattach',
      at: 'passage',
      own: ['documentId', 'start', 'end', 'exact'],
      build: (key) => ({
        claimId: ids.claimId,
        passage: withOwn({ documentId: ids.documentId, ...ids.anchor }, key, 1),
      }),
    },
    {
      channel: 'links:create',
      at: 'target',
      own: ['kind', 'claimId'],
      build: (key) => ({
        ...basePayload('links:create'),
        target: withOwn({ kind: 'claim', claimId: ids.otherClaimId }, key, 'x'),
      }),
    },
    {
      channel: 'judgments:create',
      at: 'basis.0',
      own: ['claimId', 'relation'],
      build: (key) => ({
        ...basePayload('judgments:create'),
        basis: [withOwn({ claimId: ids.claimId, relation: 'supports' }, key, {})],
      }),
    },
  ];
  for (const { channel, at, own, build } of cases) {
    it(`${channel}: an unknown key in ${at}`, async () => {
      const key = fc
        .oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ minLength: 1 }))
        .filter((k) => !own.includes(k));
      await fc.assert(
        fc.asyncProperty(key, (k) =>
          rejects(channel, build(k), { code: 'invalid_input', field: `${at}.${k}` }),
        ),
        fcOptions(RUNS.mutation),
      );
    });
  }

  it('JSON bodies with "__proto__" and "constructor.prototype" keys, as the web host parses them', async () => {
    const bodies: [Channel, string][] = [
      ['cases:create', '{"title":"x","__proto__":{"polluted":true}}'],
      ['cases:create', '{"title":"x","constructor":{"prototype":{"polluted":true}}}'],
      ['claims:update', `{"claimId":"${ids.claimId}","attribution":{"__proto__":{"polluted":1}}}`],
      ['app:info', '{"__proto__":{"polluted":true}}'],
      ['edit:undo', '{"constructor":{"prototype":{"polluted":true}}}'],
      ['entities:create', '{"name":"x","kind":"person","__proto__":{"kind":"person"}}'],
    ];
    for (const [channel, body] of bodies) {
      await rejects(channel, JSON.parse(body) as unknown, isInvalid);
    }
  });
});

describe('well-formed payloads naming ids that do not exist', () => {
  /**
   * What each channel answers when its payload is valid but an id in it names nothing.
   * `field` is the field the error names, as the handlers report it today.
   */
  const table: {
    name: string;
    channel: Channel;
    payload: (id: string) => unknown;
    expected: Expected | 'empty';
  }[] = [
    ...(
      [
        'documents:list',
        'documents:query',
        'claims:list',
        'claims:query',
        'claims:facets',
        'links:list',
        'judgments:list',
        'briefings:list',
      ] as const
    ).map((channel) => ({
      name: `${channel} caseId`,
      channel,
      payload: (id: string) => ({ caseId: id }),
      expected: notFound('caseId'),
    })),
    ...(
      [
        ['documents:get', 'documentId', 'documentId'],
        ['claims:ofDocument', 'documentId', 'documentId'],
        ['claims:orphans', 'documentId', 'documentId'],
        ['evidence:ofClaim', 'claimId', 'claimId'],
        ['claims:update', 'claimId', 'claimId'],
        ['claims:delete', 'claimId', 'claimId'],
        ['entities:update', 'entityId', 'entityId'],
        ['entities:profile', 'entityId', 'entityId'],
        ['links:update', 'linkId', 'linkId'],
        ['links:delete', 'linkId', 'linkId'],
        ['judgments:update', 'judgmentId', 'judgmentId'],
        ['judgments:delete', 'judgmentId', 'judgmentId'],
        ['briefings:update', 'briefingId', 'briefingId'],
        ['briefings:delete', 'briefingId', 'briefingId'],
        ['briefings:export', 'briefingId', 'briefingId'],
        ['claims:reattach', 'claimId', 'claimId'],
        ['cases:export', 'caseId', 'caseId'],
        ['documents:extract', 'caseId', 'caseId'],
        ['documents:create', 'caseId', 'caseId'],
        ['claims:create', 'documentId', 'documentId'],
        ['links:create', 'fromClaimId', 'claimId'],
        ['judgments:create', 'caseId', 'caseId'],
        ['briefings:create', 'caseId', 'caseId'],
        ['entities:merge', 'keepId', 'keepId'],
        ['entities:merge', 'mergeId', 'mergeId'],
        ['cases:import', 'intoCaseId', 'caseId'],
      ] as const
    ).map(([channel, key, field]) => ({
      name: `${channel} ${key}`,
      channel,
      payload: (id: string) => ({ ...basePayload(channel), [key]: id }),
      expected: notFound(field),
    })),
    // Ids one level down, with the payload's own ids existing.
    {
      name: 'claims:create attribution.speakerId',
      channel: 'claims:create',
      payload: (id) => ({
        ...basePayload('claims:create'),
        attribution: { speakerId: id },
      }),
      expected: { code: 'not_found', field: 'attribution.speakerId' },
    },
    {
      name: 'claims:update attribution.via',
      channel: 'claims:update',
      payload: (id) => ({ claimId: ids.claimId, attribution: { via: [id] } }),
      expected: { code: 'not_found', field: 'attribution.via' },
    },
    {
      name: 'claims:update attribution.reliabilityOverrides (a record key)',
      channel: 'claims:update',
      // "__proto__" as a record key is the bug shown at the end of this file.
      payload: (id) => ({
        claimId: ids.claimId,
        attribution: {
          reliabilityOverrides: withOwn({}, id === '__proto__' ? '__proto__x' : id, 'A'),
        },
      }),
      expected: { code: 'not_found', field: 'attribution.reliabilityOverrides' },
    },
    {
      name: 'claims:reattach passage.documentId',
      channel: 'claims:reattach',
      payload: (id) => ({ claimId: ids.claimId, passage: { ...ids.anchor, documentId: id } }),
      expected: { code: 'not_found', field: 'documentId' },
    },
    {
      name: 'documents:create versionOf',
      channel: 'documents:create',
      payload: (id) => ({ ...basePayload('documents:create'), versionOf: id }),
      expected: { code: 'not_found', field: 'documentId' },
    },
    {
      name: 'links:create target.claimId',
      channel: 'links:create',
      payload: (id) => ({
        ...basePayload('links:create'),
        target: { kind: 'claim', claimId: id },
      }),
      expected: { code: 'not_found', field: 'claimId' },
    },
    {
      name: 'links:create target.documentId (a span)',
      channel: 'links:create',
      payload: (id) => ({
        ...basePayload('links:create'),
        target: { kind: 'span', documentId: id, ...ids.anchor },
      }),
      expected: { code: 'not_found', field: 'documentId' },
    },
    {
      name: 'judgments:create basis',
      channel: 'judgments:create',
      payload: (id) => ({
        ...basePayload('judgments:create'),
        basis: [{ claimId: id, relation: 'supports' }],
      }),
      expected: { code: 'not_found', field: 'basis' },
    },
    {
      name: 'judgments:update basis',
      channel: 'judgments:update',
      payload: (id) => ({
        judgmentId: ids.judgmentId,
        basis: [{ claimId: id, relation: 'supports' }],
      }),
      expected: { code: 'not_found', field: 'basis' },
    },
    {
      name: 'briefings:update claimIds',
      channel: 'briefings:update',
      payload: (id) => ({ briefingId: ids.briefingId, claimIds: [id] }),
      expected: { code: 'not_found', field: 'claimIds' },
    },
    {
      // Not not_found: an unknown judgment is refused like one of another case.
      name: 'briefings:update judgmentIds',
      channel: 'briefings:update',
      payload: (id) => ({ briefingId: ids.briefingId, judgmentIds: [id] }),
      expected: { code: 'invalid_input', field: 'judgmentIds' },
    },
    {
      name: 'evidence:graph focus (a claim)',
      channel: 'evidence:graph',
      payload: (id) => ({ focus: { kind: 'claim', id } }),
      expected: notFound('claimId'),
    },
    {
      name: 'evidence:graph focus (a judgment)',
      channel: 'evidence:graph',
      payload: (id) => ({ focus: { kind: 'judgment', id } }),
      expected: notFound('focus'),
    },
    {
      // Not an error: claims that no longer exist are left out of the answer.
      name: 'claims:get claimIds',
      channel: 'claims:get',
      payload: (id) => ({ claimIds: [id] }),
      expected: 'empty',
    },
    {
      // Not an error: a claim's history outlives the claim, so an unknown id has none.
      name: 'claims:history claimId',
      channel: 'claims:history',
      payload: (id) => ({ claimId: id }),
      expected: 'empty',
    },
  ];

  for (const { name, channel, payload, expected } of table) {
    it(`${name}: ${expected === 'empty' ? 'an empty list' : `${expected.code} (${String(expected.field)})`}, nothing written`, async () => {
      await fc.assert(
        fc.asyncProperty(unknownId(), async (id) => {
          const input = payload(id);
          expect(inputSchemas[channel].safeParse(input).success, 'the payload is well-formed').toBe(
            true,
          );
          if (expected !== 'empty') return rejects(channel, input, expected);
          const before = await state();
          const result = await backend.dispatch(channel, input);
          expect(result).toEqual({ ok: true, value: [] });
          expect(await state()).toBe(before);
        }),
        fcOptions(RUNS.mutation),
      );
    });
  }
});

describe('well-formed job ids that name no job', () => {
  const jobIds = fc
    .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 })
    .filter((id) => id !== ids.jobId);
  for (const channel of ['jobs:status', 'jobs:wait', 'jobs:cancel'] as const) {
    it(`${channel}: not_found (jobId), nothing written`, async () => {
      await fc.assert(
        fc.asyncProperty(jobIds, (jobId) =>
          rejects(channel, { ...basePayload(channel), jobId }, notFound('jobId')),
        ),
        fcOptions(RUNS.mutation),
      );
    });
  }
});

describe('after all of the above', () => {
  it('left Object.prototype and the other built-in prototypes unpolluted', () => {
    expect(prototypeNames()).toEqual(prototypesBefore);
    const probe: Record<string, unknown> = {};
    for (const key of ['polluted', 'isAdmin', 'kind', 'title', 'a', 'x', 'leaf']) {
      expect(probe[key], key).toBeUndefined();
    }
  });

  it('never answered with an internal error: nothing reached a handler by mistake', () => {
    expect(logs).toEqual([]);
  });
});

// -----------------------------------------------------------------------------------------
// Regressions: payloads the contract accepts that the backend once mishandled (found by this
// test, fixed since). Each test states the behaviour the contract promises.

describe('regressions: well-formed payloads the contract accepts', () => {
  let bugBackend: Backend;
  let bugDir = '';
  let caseId = '';
  let longDocument = { id: '', text: '' };
  let crowdedA = '';
  let crowdedB = '';
  let wordyA = '';
  let wordyB = '';
  let overriddenClaim = '';

  const callBug = async (channel: Channel, input: unknown): Promise<unknown> => {
    const result = await bugBackend.dispatch(channel, input);
    if (!result.ok) throw new Error(`setup ${channel}: ${result.error.message}`);
    return result.value;
  };
  const filesOf = async () => (await readdir(path.join(bugDir, 'texts'))).sort();

  beforeAll(async () => {
    bugDir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-fuzz-bugs-'));
    bugBackend = await openBackend({
      dataDir: bugDir,
      host: 'web',
      version: 'fuzz',
      log: () => undefined,
    });
    caseId = ((await callBug('cases:create', { title: 'Bugs' })) as { id: string }).id;
    const text = `${'Long quoted passage without end. '.repeat(200)}The end.`;
    const created = (await callBug('documents:create', { caseId, title: 'Long', text })) as {
      document: { id: string };
    };
    longDocument = { id: created.document.id, text };
    const entity = async (name: string, aliases: number, notes: string) =>
      (
        (await callBug('entities:create', {
          name,
          kind: 'person',
          aliases: Array.from({ length: aliases }, (_, i) => `${name} alias ${i}`),
          notes,
        })) as { id: string }
      ).id;
    crowdedA = await entity('Crowded A', 30, '');
    crowdedB = await entity('Crowded B', 30, '');
    wordyA = await entity('Wordy A', 0, 'a'.repeat(4000));
    wordyB = await entity('Wordy B', 0, 'b'.repeat(4000));
    const speaker = await entity('Speaker S', 0, '');
    const claim = (await callBug('claims:create', {
      documentId: longDocument.id,
      start: 0,
      end: 4,
      exact: 'Long',
      attribution: { speakerId: speaker, reliabilityOverrides: { [speaker]: 'B' } },
    })) as { id: string; attribution: { reliabilityOverrides: Record<string, string> } };
    expect(claim.attribution.reliabilityOverrides).toEqual({ [speaker]: 'B' });
    overriddenClaim = claim.id;
  }, 60_000);

  afterAll(async () => {
    await bugBackend.close();
    await rm(bugDir, { recursive: true, force: true });
  });

  // Was bug 1, fixed. electron/backend/handlers/documents.ts, outletEntity (line 34, `name: outlet`): the
  // contract takes an outlet of up to 300 characters (shared/contract/channels.ts line 165,
  // documents:create `outlet: max(300)`), but the outlet becomes an entity whose name may have
  // at most 200 (shared/domain/schemas.ts line 103, EntitySchema.name). An outlet of 201–300 characters is
  // refused by the store's own check (store.ts checkOp) and the call answers `internal`
  // ("Claimdesk could not complete ... Nothing was changed"), after texts.put has already
  // written the document's text to texts/ (documents.ts line 106: an orphan file).
  // Reproduce: documents:create {caseId, title: 'x', text: 'y', outlet: 'O'.repeat(201)}.
  it('documents:create with an outlet of 201–300 characters succeeds or is refused as invalid_input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 201, max: 300 }), fc.uuid(), async (length, nonce) => {
        const before = await filesOf();
        const result = await bugBackend.dispatch('documents:create', {
          caseId,
          title: 'Outlet',
          text: `Text ${nonce}`,
          outlet: 'O'.repeat(length),
        });
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(await filesOf()).toEqual(before);
        }
      }),
      { numRuns: 5 },
    );
  });

  // Was bug 2, fixed. electron/backend/handlers/claims.ts, claims:create (line 121): an empty `text`
  // means "use the quote", `text: input.text || anchor.exact.trim()`, but the quote has no
  // upper bound (channels.ts line 78, `selection.exact: z.string().min(1)`) while a claim's
  // text may have at most 5000 characters (schemas.ts line 159, ClaimSchema.text). Selecting more than 5000 characters
  // answers `internal`. Reproduce: a document over 5000 characters, claims:create
  // {documentId, start: 0, end: 6000, exact: text.slice(0, 6000)}.
  it('claims:create on a passage over 5000 characters with no text of its own', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5001, max: longDocument.text.length }), async (end) => {
        const exact = longDocument.text.slice(0, end);
        fc.pre(exact.trim().length > 5000);
        const result = await bugBackend.dispatch('claims:create', {
          documentId: longDocument.id,
          start: 0,
          end,
          exact,
        });
        if (!result.ok) expect(result.error.code).toBe('invalid_input');
      }),
      { numRuns: 5 },
    );
  });

  // Was bug 3, fixed. electron/backend/handlers/entities.ts, entities:merge (lines 104 and 107): the kept
  // entity takes both entities' aliases and notes, `cleanAliases(...)` and
  // `[keep.notes, merged.notes].join('\n\n')`, with no limit, but an entity may have at most
  // 50 aliases and 5000 characters of notes (schemas.ts lines 105 and 111). Merging two entities with 30
  // aliases each, or 4000 characters of notes each, answers `internal`.
  it('entities:merge of two entities with 30 aliases each', async () => {
    const result = await bugBackend.dispatch('entities:merge', {
      keepId: crowdedA,
      mergeId: crowdedB,
    });
    expect(result.ok || result.error.code).not.toBe('internal');
  });
  it('entities:merge of two entities with 4000 characters of notes each', async () => {
    const result = await bugBackend.dispatch('entities:merge', { keepId: wordyA, mergeId: wordyB });
    expect(result.ok || result.error.code).not.toBe('internal');
  });

  // Was bug 4, fixed. A record key "__proto__" is silently dropped by zod's z.record (as it parses
  // reliabilityOverrides, shared/contract/channels.ts line 60), so
  // claims:update {claimId, attribution: {reliabilityOverrides: {"__proto__": "A"}}} (a body
  // JSON.parse makes, naming an entity "__proto__" that does not exist) is not refused with
  // not_found like any other unknown id: it succeeds, and since the map replaces the whole
  // map (handlers/claims.ts line 44, attribute()), it wipes the claim's existing overrides.
  it('claims:update naming the unknown entity "__proto__" in reliabilityOverrides', async () => {
    const body = `{"claimId":"${overriddenClaim}","attribution":{"reliabilityOverrides":{"__proto__":"A"}}}`;
    const result = await bugBackend.dispatch('claims:update', JSON.parse(body) as unknown);
    // Refused outright: a "__proto__" key is never read as an entity id, nor dropped.
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
  });
});
