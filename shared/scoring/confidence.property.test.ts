/**
 * Properties of the claim score over random small cases (fast-check): the direction of
 * "supports", the symmetry of "contradicts", the inertness of "context" and independence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIBILITY_CODES, RELIABILITY_CODES } from '../grading/scales';
import { scoreClaim } from './confidence';
import type { ClaimRelation } from './model';
import { chainReliability, originOf } from './sourceLetter';
import { TestCase } from './testCase';

const ENTITIES = ['e0', 'e1', 'e2', 'e3', 'e4'];
const CLAIMS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const RELATIONS: ClaimRelation[] = ['supports', 'contradicts', 'context', 'same_claim'];

const grade = fc.constantFrom(...RELIABILITY_CODES);
const entity = fc.constantFrom(...ENTITIES);
const claimId = fc.constantFrom(...CLAIMS);
const link = fc
  .record({ from: claimId, relation: fc.constantFrom(...RELATIONS), to: claimId })
  .filter((l) => l.from !== l.to);

const caseSpec = fc.record({
  grades: fc.tuple(grade, grade, grade, grade, grade),
  outlets: fc.tuple(fc.option(entity), fc.option(entity), fc.option(entity)),
  claims: fc.tuple(
    ...CLAIMS.map(() =>
      fc.record({
        speaker: fc.option(entity),
        via: fc.array(entity, { maxLength: 2 }),
        document: fc.constantFrom('d0', 'd1', 'd2'),
        credibility: fc.constantFrom(...CREDIBILITY_CODES),
      }),
    ),
  ),
  links: fc.array(link, { maxLength: 8 }),
});
type CaseSpec = typeof caseSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: CaseSpec): TestCase {
  const c = new TestCase(
    Object.fromEntries(
      ENTITIES.map((id, i) => [id, { name: id, reliability: spec.grades[i] ?? 'F' }]),
    ),
    Object.fromEntries(spec.outlets.map((outletId, i) => [`d${i}`, { title: `d${i}`, outletId }])),
  );
  spec.claims.forEach((claim, i) =>
    c.add(`c${i}`, {
      documentId: claim.document,
      credibility: claim.credibility,
      speakerId: claim.speaker,
      via: claim.via,
    }),
  );
  for (const l of spec.links) c.link(l.from, l.relation, l.to);
  return c;
}

const scoresOf = (c: TestCase) =>
  CLAIMS.map((id) => {
    const claim = c.claim(id);
    return claim ? scoreClaim(claim, c) : null;
  });

describe('claim score properties', () => {
  it('adding "A supports B" never changes A’s score', () => {
    fc.assert(
      fc.property(caseSpec, claimId, claimId, (spec, a, b) => {
        fc.pre(a !== b);
        const c = build(spec);
        const claim = c.claim(a);
        if (!claim) throw new Error(a);
        const before = scoreClaim(claim, c);
        c.link(a, 'supports', b);
        expect(scoreClaim(claim, c)).toEqual(before);
      }),
    );
  });

  it('adding a context link changes no claim’s score', () => {
    fc.assert(
      fc.property(caseSpec, link, (spec, l) => {
        const c = build(spec);
        const before = scoresOf(c);
        c.link(l.from, 'context', l.to);
        expect(scoresOf(c)).toEqual(before);
      }),
    );
  });

  it('"A contradicts B" and "B contradicts A" give every claim the same score', () => {
    fc.assert(
      fc.property(caseSpec, link, (spec, l) => {
        const one = build(spec);
        one.link(l.from, 'contradicts', l.to);
        const other = build(spec);
        other.link(l.to, 'contradicts', l.from);
        expect(scoresOf(one).map((s) => s?.value)).toEqual(scoresOf(other).map((s) => s?.value));
      }),
    );
  });

  it('a contradiction lowers both ends or leaves them, never raises either', () => {
    fc.assert(
      fc.property(caseSpec, link, (spec, l) => {
        const c = build(spec);
        const before = scoresOf(c);
        c.link(l.from, 'contradicts', l.to);
        const after = scoresOf(c);
        for (const i of [CLAIMS.indexOf(l.from), CLAIMS.indexOf(l.to)]) {
          const was = before[i]?.value;
          const is = after[i]?.value;
          if (was !== null && was !== undefined && is !== null && is !== undefined) {
            expect(is).toBeLessThanOrEqual(was);
          }
        }
      }),
    );
  });

  it('one speaker through two outlets counts once: a second supporting claim of the same origin adds no source', () => {
    fc.assert(
      fc.property(
        caseSpec,
        claimId,
        claimId,
        fc.constantFrom('d0', 'd1', 'd2'),
        (spec, target, supporter, document) => {
          fc.pre(target !== supporter);
          const c = build(spec);
          const first = c.claim(supporter);
          if (!first) throw new Error(supporter);
          c.link(supporter, 'supports', target);
          const targetClaim = c.claim(target);
          if (!targetClaim) throw new Error(target);
          const before = scoreClaim(targetClaim, c);
          // The same origin (speaker, else first carrier), carried by another document.
          const origin = originOf(first, c);
          fc.pre(!origin.startsWith('document:'));
          const repeat = c.add('repeat', {
            documentId: document,
            credibility: first.credibility,
            speakerId: origin,
          });
          fc.pre(chainReliability(repeat, c) === chainReliability(first, c));
          c.link('repeat', 'supports', target);
          const after = scoreClaim(targetClaim, c);
          expect(after.corroborating).toBe(before.corroborating);
          expect(after.value).toBe(before.value);
        },
      ),
    );
  });

  it('every score is null or an integer from 0 to 100', () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        for (const s of scoresOf(build(spec))) {
          if (s?.value === null || s === null) continue;
          expect(Number.isInteger(s.value)).toBe(true);
          expect(s.value).toBeGreaterThanOrEqual(0);
          expect(s.value).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
