/**
 * Realistic stores for the benches (issue 9): per 10 claims a document of about 5 KB of
 * text, each claim anchored on a sentence of its document (the quote is the sentence as the
 * text holds it), attributed to a speaker through a chain of one or two carriers drawn from
 * a pool of people and outlets, tagged, graded; a link per 5 claims between claims of the
 * case; history (created, and an edit for one claim in three). Written in the app's own
 * format, through the store itself (records applied, then one fold), so what the benches
 * open is exactly what the app would.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createAnchor, isAnchor } from '../shared/anchoring/textQuote';
import type {
  Case,
  Claim,
  ClaimDocument,
  Entity,
  EvidenceLink,
  HistoryEntry,
  Judgment,
} from '../shared/domain/schemas';
import { openStore } from '../electron/backend/store/openStore';
import type { Op } from '../electron/backend/store/ops';

const WORDS = (
  'russia venezuela moscow caracas kremlin maduro putin lavrov government ministry foreign ' +
  'defence navy troops aircraft missiles radars submarines corvettes fighters airport cargo ' +
  'flight tracking analysts officials spokesperson statement partnership agreement strategic ' +
  'sanctions oil exports embassy envoy talks summit treaty ratified parliament committee duma ' +
  'deputy chairman professor political scientist berlin london washington caribbean boats ' +
  'drugs operations force leadership partners requests ability war bloc limits diplomacy ' +
  'imperialism narrative weapons deliveries intelligence sharing ruled support condemns ' +
  'excessive contact ready respond help framework reported speculated landed confirmed denied ' +
  'warned argued added claimed noted stressed insisted according sources reportedly believed'
).split(' ');
const CUES = ['said', 'told', 'according to', 'argued', 'warned', 'added', 'claimed', 'reported'];
const TAGS = ['military-options', 'russian-response', 'narrative', 'arms', 'diplomacy', 'economy'];

/** A seeded generator (mulberry32): the same store for the same size, run after run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.parse('2025-11-01T08:00:00Z');
const iso = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();

export interface Generated {
  dir: string;
  caseId: string;
  claims: number;
  documents: number;
  /** A few claim ids, for edits. */
  claimIds: string[];
  /** Words that occur in the claims, for searches. */
  words: readonly string[];
}

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const word = WORDS[Math.floor(next() * WORDS.length)] ?? 'word';
    out.push(next() < 0.08 ? `${word}${Math.floor(next() * 900) + 100}` : word);
  }
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Writes a store of `claims` claims into `dir` (which must not hold one). */
export async function generateStore(dir: string, claims: number, seed = 7): Promise<Generated> {
  const next = rng(seed + claims);
  const uuid = (kind: string, n: number) =>
    createHash('sha1').update(`${kind}:${n}:${seed}`).digest('hex').slice(0, 32);
  await mkdir(path.join(dir, 'texts'), { recursive: true });
  const store = await openStore(dir, { idleFoldMs: 0, progressive: false });
  const ops: Op[] = [];
  const put = (collection: Op['collection'], value: { id: string }) =>
    ops.push({ type: 'put', collection, value });

  const caseId = uuid('case', 0);
  const kase: Case = {
    id: caseId,
    title: `Bench case of ${claims.toLocaleString('en')} claims`,
    question: 'Will Russia intervene militarily in Venezuela?',
    createdAt: iso(0),
    updatedAt: iso(0),
  };
  put('cases', kase);

  const entityCount = Math.max(20, Math.min(2000, Math.round(claims / 50)));
  const entities: Entity[] = [];
  for (let i = 0; i < entityCount; i++) {
    const outlet = i % 4 === 0;
    const entity: Entity = {
      id: uuid('entity', i),
      name: outlet ? `Outlet ${i} News` : `Speaker ${i} ${WORDS[i % WORDS.length] ?? ''}`,
      aliases: outlet ? [] : [`S${i}`],
      kind: outlet ? 'outlet' : 'person',
      role: outlet ? '' : 'official',
      affiliation: '',
      notes: '',
      reliability: (['A', 'B', 'C', 'D', 'E', 'F'] as const)[i % 6] ?? 'F',
      createdAt: iso(0),
      updatedAt: iso(0),
    };
    entities.push(entity);
    put('entities', entity);
  }
  const outlets = entities.filter((e) => e.kind === 'outlet');
  const people = entities.filter((e) => e.kind === 'person');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

  const documentCount = Math.max(1, Math.ceil(claims / 10));
  const claimIds: string[] = [];
  const history: HistoryEntry[] = [];
  let claimNumber = 0;
  for (let d = 0; d < documentCount; d++) {
    // About 5 KB: 40 sentences of 18 words.
    const sentences = Array.from({ length: 40 }, () => sentence(next, 18));
    const text = sentences.join(' ');
    const contentHash = createHash('sha256').update(text, 'utf8').digest('hex');
    await writeFile(path.join(dir, 'texts', `${contentHash}.txt`), text);
    const outlet = pick(outlets);
    const document: ClaimDocument = {
      id: uuid('document', d),
      caseId,
      title: `Report ${d}: ${sentences[0]?.slice(0, 60) ?? ''}`,
      outlet: outlet.name,
      url: `https://example.org/report/${d}`,
      author: '',
      publishedAt: '2025-11-02',
      retrievedAt: '2025-11-03',
      format: 'html',
      fileName: '',
      outletId: outlet.id,
      previousVersionId: null,
      contentHash,
      textLength: text.length,
      createdAt: iso(d * 1000),
    };
    put('documents', document);
    let offset = 0;
    const starts = sentences.map((s) => {
      const at = offset;
      offset += s.length + 1;
      return at;
    });
    for (let k = 0; k < 10 && claimNumber < claims; k++, claimNumber++) {
      const s = Math.floor((k * sentences.length) / 10);
      const quote = sentences[s] ?? '';
      const start = starts[s] ?? 0;
      const anchor = createAnchor(text, start, start + quote.length, quote);
      if (!isAnchor(anchor)) throw new Error('bench: a quote did not anchor');
      const speaker = pick(people);
      const via = next() < 0.5 ? [pick(outlets).id] : [];
      const at = iso(d * 1000 + k);
      const claim: Claim = {
        id: uuid('claim', claimNumber),
        caseId,
        documentId: document.id,
        text: sentence(next, 14),
        anchor,
        anchorState: 'anchored',
        kind:
          (['direct_quote', 'indirect_speech', 'reported', 'unattributed'] as const)[
            claimNumber % 4
          ] ?? 'unattributed',
        status:
          (['unverified', 'corroborated', 'disputed', 'refuted'] as const)[
            claimNumber % 7 === 0 ? 1 : 0
          ] ?? 'unverified',
        tags: next() < 0.4 ? [pick(TAGS)] : [],
        notes: next() < 0.2 ? sentence(next, 10) : '',
        credibility: ([1, 2, 3, 4, 5, 6] as const)[claimNumber % 6] ?? 6,
        attribution: {
          speakerId: speaker.id,
          via: via.filter((id) => id !== speaker.id),
          cue: pick(CUES),
          saidOn: '2025-11-01',
          reportedOn: '2025-11-02',
          reliabilityOverrides: {},
        },
        createdAt: at,
        updatedAt: at,
      };
      put('claims', claim);
      if (claimIds.length < 5000) claimIds.push(claim.id);
      history.push({
        id: uuid('history', claimNumber * 2),
        claimId: claim.id,
        at,
        by: 'analyst',
        action: 'created',
        changes: [{ field: 'text', from: '', to: claim.text.slice(0, 200) }],
      });
      if (claimNumber % 3 === 0) {
        history.push({
          id: uuid('history', claimNumber * 2 + 1),
          claimId: claim.id,
          at: iso(d * 1000 + k + 500),
          by: 'analyst',
          action: 'edited',
          changes: [{ field: 'status', from: 'unverified', to: claim.status }],
        });
      }
    }
  }
  // A link per 5 claims, between claims near each other in the case (as evidence tends to be).
  const relations = ['supports', 'contradicts', 'context', 'supports'] as const;
  for (let l = 0; l < Math.floor(claims / 5); l++) {
    const from = Math.floor(next() * claims);
    const to = (from + 1 + Math.floor(next() * 40)) % claims;
    if (from === to) continue;
    const link: EvidenceLink = {
      id: uuid('link', l),
      caseId,
      fromClaimId: uuid('claim', from),
      relation: relations[l % relations.length] ?? 'supports',
      target: { kind: 'claim', claimId: uuid('claim', to) },
      note: '',
      createdAt: iso(l),
      updatedAt: iso(l),
    };
    put('links', link);
  }
  const judgment: Judgment = {
    id: uuid('judgment', 0),
    caseId,
    statement: 'Russia is unlikely to send troops to Venezuela.',
    likelihood: 'unlikely',
    confidence: 'moderate',
    basis: [0, 1, 2].map((n) => ({ claimId: uuid('claim', n), relation: 'supports' as const })),
    order: 0,
    createdAt: iso(0),
    updatedAt: iso(0),
  };
  put('judgments', judgment);
  for (const entry of history) put('history', entry);
  for (const op of ops) store.apply(op);
  store.folder.markUnwritten();
  await store.close();
  return {
    dir,
    caseId,
    claims,
    documents: documentCount,
    claimIds,
    words: WORDS,
  };
}
