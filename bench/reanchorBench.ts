/**
 * Re-anchoring in the bench (issue 9: "re-anchor 1,000 claims on a new 100 KB version:
 * ≤ 100 ms, ≥ 99.5% placed right, none on a deleted passage"). A 100 KB document with 1,000
 * claims, each on a sentence of its own; a new version with sentences inserted, deleted,
 * moved and reworded, whose every change is known, so each claim's right place (or its
 * deletion) is known too. Measured through documents:create (the whole import of a new
 * version) and for the matching alone.
 */
import { performance } from 'node:perf_hooks';
import { reanchorClaims } from '../shared/anchoring/reanchorAll';
import type { Claim, ClaimDocument } from '../shared/domain/schemas';
import type { Backend } from '../electron/backend/backend';

const WORDS =
  'the minister said talks would resume after the summit while officials warned that sanctions could widen and analysts noted a shift in tone across the region as envoys prepared new proposals for the council'.split(
    ' ',
  );

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

interface Sentence {
  id: number;
  text: string;
}

async function call<T>(b: Backend, channel: string, input: unknown): Promise<T> {
  const result = await b.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

export interface ReanchorFigures {
  claims: number;
  textKb: number;
  /** documents:create with versionOf, end to end. */
  importMs: number;
  /** The matching alone (reanchorClaims). */
  algorithmMs: number;
  /** Claims whose sentence is still in the new version (the others should be left for review). */
  survived: number;
  placedRight: number;
  placedWrong: number;
  onDeleted: number;
  orphaned: number;
}

export async function reanchorBench(b: Backend): Promise<ReanchorFigures> {
  const next = rng(11);
  const word = () => WORDS[Math.floor(next() * WORDS.length)] ?? 'word';
  // About 100 KB: 1,200 sentences of ~14 words, each made unique by a number.
  const sentences: Sentence[] = Array.from({ length: 1200 }, (_, id) => {
    const words = Array.from({ length: 13 }, word);
    words.splice(6, 0, `item${id}`);
    const text = words.join(' ');
    return { id, text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` };
  });
  const join = (list: readonly Sentence[]) => list.map((s) => s.text).join(' ');
  const { id: caseId } = await call<{ id: string }>(b, 'cases:create', {
    title: 'Re-anchoring bench',
  });
  const oldText = join(sentences);
  const { document } = await call<{ document: ClaimDocument }>(b, 'documents:create', {
    caseId,
    title: 'Long report',
    text: oldText,
  });
  // A claim on each of the first 1,000 sentences.
  const starts = new Map<number, number>();
  let offset = 0;
  for (const s of sentences) {
    starts.set(s.id, offset);
    offset += s.text.length + 1;
  }
  const claimOf = new Map<string, number>();
  for (const s of sentences.slice(0, 1000)) {
    const start = starts.get(s.id) ?? 0;
    const claim = await call<Claim>(b, 'claims:create', {
      documentId: document.id,
      start,
      end: start + s.text.length,
      exact: s.text,
    });
    claimOf.set(claim.id, s.id);
  }

  // The new version: 5% of sentences deleted, 5% reworded (one word), 40 new ones inserted,
  // and a block of 30 moved elsewhere.
  const deleted = new Set<number>();
  const reworded = new Set<number>();
  let edited: Sentence[] = [];
  for (const s of sentences) {
    const r = next();
    if (r < 0.05) {
      deleted.add(s.id);
      continue;
    }
    if (r < 0.1) {
      reworded.add(s.id);
      const words = s.text.split(' ');
      const at = 1 + Math.floor(next() * (words.length - 2));
      if (!words[at]?.startsWith('item')) words[at] = 'reportedly';
      edited.push({ id: s.id, text: words.join(' ') });
      continue;
    }
    edited.push(s);
  }
  for (let i = 0; i < 40; i++) {
    const at = Math.floor(next() * edited.length);
    edited.splice(at, 0, {
      id: -1 - i,
      text: `Inserted ${Array.from({ length: 12 }, word).join(' ')}.`,
    });
  }
  const block = edited.splice(300, 30);
  edited = [...edited.slice(0, 800), ...block, ...edited.slice(800)];
  const newText = join(edited);
  const newStarts = new Map<number, { start: number; end: number }>();
  offset = 0;
  for (const s of edited) {
    if (s.id >= 0) newStarts.set(s.id, { start: offset, end: offset + s.text.length });
    offset += s.text.length + 1;
  }

  const claims = (
    await call<{ id: string }[]>(b, 'claims:ofDocument', { documentId: document.id })
  ).flatMap((h) => (b.store.get('claims', h.id) ? [b.store.get('claims', h.id) as Claim] : []));
  const t0 = performance.now();
  reanchorClaims(claims, newText, { previousTextLength: oldText.length });
  const algorithmMs = performance.now() - t0;

  const t1 = performance.now();
  const created = await call<{ document: ClaimDocument }>(b, 'documents:create', {
    caseId,
    title: 'Long report',
    text: newText,
    versionOf: document.id,
  });
  const importMs = performance.now() - t1;

  let placedRight = 0;
  let placedWrong = 0;
  let onDeleted = 0;
  let orphaned = 0;
  for (const [claimId, sentenceId] of claimOf) {
    const claim = b.store.get('claims', claimId);
    if (!claim) continue;
    if (claim.anchorState === 'orphaned' || claim.documentId !== created.document.id) {
      orphaned += 1;
      continue;
    }
    if (deleted.has(sentenceId)) {
      onDeleted += 1;
      continue;
    }
    const expected = newStarts.get(sentenceId);
    const right =
      expected !== undefined &&
      claim.anchor.start < expected.end &&
      expected.start < claim.anchor.end &&
      Math.abs(claim.anchor.start - expected.start) <= 2;
    if (right) placedRight += 1;
    else placedWrong += 1;
  }
  const survived = [...claimOf.values()].filter((id) => !deleted.has(id)).length;
  return {
    claims: claimOf.size,
    survived,
    textKb: Math.round(newText.length / 1024),
    importMs,
    algorithmMs,
    placedRight,
    placedWrong,
    onDeleted,
    orphaned,
  };
}
