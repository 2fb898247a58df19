/**
 * The planner of the harness's edits: what to send next, given what the model says exists
 * (a case and documents first, then claims created, reworded and deleted, entities, links,
 * judgments), and the text they carry, each with its run-unique marker first.
 */
import type { Edit, Model } from './edits';
import type { Rng } from './report';

const WORDS = (
  'the ministry said that forces would remain near the border while talks continue ' +
  'officials denied any plan to send troops analysts doubt the claim according to ' +
  'reports from the capital a spokesperson told reporters on tuesday that supplies ' +
  'arrived by sea and that no agreement had been signed yet sources close to the ' +
  'government suggested a visit next month'
).split(' ');

export function words(rng: Rng, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(rng.pick(WORDS));
  return out.join(' ');
}

/** `length` characters of text (no leading or trailing blank), cut from a pool. */
function filler(rng: Rng, pool: string, length: number): string {
  const start = rng.int(0, pool.length - length - 1);
  return pool.slice(start, start + length).trim() || 'text';
}

export interface Planner {
  rng: Rng;
  pool: string;
  counter: number;
}

export const nextMarker = (planner: Planner): string => `[e${++planner.counter}]`;

/** Claims the next edits may refer to: acknowledged and with no delete in flight. */
const liveClaims = (model: Model, doomed: ReadonlySet<string>): string[] =>
  [...model.claims.keys()].filter((id) => !doomed.has(id));

export function planSetup(planner: Planner, model: Model): Edit | null {
  if (!model.caseId) {
    const marker = nextMarker(planner);
    return { kind: 'case', marker, title: `Crash case ${marker}` };
  }
  if (model.documents.size < 3) {
    const marker = nextMarker(planner);
    const text = `${marker} ${words(planner.rng, planner.rng.int(300, 600))}.`;
    return { kind: 'document', marker, title: `Report ${marker}`, text };
  }
  return null;
}

export function planClaimCreate(planner: Planner, model: Model, big: boolean): Edit {
  const { rng } = planner;
  const documentId = rng.pick([...model.documents.keys()]);
  const text = model.documents.get(documentId)?.text ?? '';
  // A run of whole words, so the quote never starts or ends in white space.
  const bounds: number[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) bounds.push(m.index, m.index + m[0].length);
  const first = rng.int(0, bounds.length / 2 - 1);
  const last = Math.min(bounds.length / 2 - 1, first + rng.int(0, 12));
  const start = bounds[first * 2] ?? 0;
  const end = bounds[last * 2 + 1] ?? 1;
  const marker = nextMarker(planner);
  return {
    kind: 'claim-create',
    marker,
    documentId,
    start,
    end,
    exact: text.slice(start, end),
    text: `${marker} ${words(rng, rng.int(4, 20))}`,
    notes: big ? `${marker} ${filler(rng, planner.pool, rng.int(4000, 9500))}` : '',
  };
}

export function planEdit(
  planner: Planner,
  model: Model,
  doomed: ReadonlySet<string>,
  big: boolean,
): Edit {
  const { rng } = planner;
  const setup = planSetup(planner, model);
  if (setup) return setup;
  const claims = liveClaims(model, doomed);
  if (claims.length < 4) return planClaimCreate(planner, model, big);
  const roll = rng.next();
  if (big) {
    // Compaction rounds: mostly large updates, to push the journal past 4 MB quickly.
    if (roll < 0.15) return planClaimCreate(planner, model, true);
    if (roll < 0.95 || claims.length < 8) {
      const marker = nextMarker(planner);
      return {
        kind: 'claim-update',
        marker,
        claimId: rng.pick(claims),
        text: `${marker} ${filler(rng, planner.pool, rng.int(2500, 4900))}`,
        notes: `${marker} ${filler(rng, planner.pool, rng.int(6000, 9900))}`,
      };
    }
    return { kind: 'claim-delete', marker: nextMarker(planner), claimId: rng.pick(claims) };
  }
  if (roll < 0.28) return planClaimCreate(planner, model, rng.chance(0.05));
  const marker = nextMarker(planner);
  if (roll < 0.58) {
    const notes = rng.chance(0.15)
      ? `${marker} ${filler(rng, planner.pool, rng.int(500, 9900))}`
      : undefined;
    return {
      kind: 'claim-update',
      marker,
      claimId: rng.pick(claims),
      text: `${marker} ${words(rng, rng.int(4, 30))}`,
      ...(notes === undefined ? {} : { notes }),
    };
  }
  if (roll < 0.68 && claims.length > 8) {
    return { kind: 'claim-delete', marker, claimId: rng.pick(claims) };
  }
  if (roll < 0.78) return { kind: 'entity', marker, name: `Speaker ${marker}` };
  if (roll < 0.9) {
    const fromClaimId = rng.pick(claims);
    const others = claims.filter((id) => id !== fromClaimId);
    return {
      kind: 'link',
      marker,
      fromClaimId,
      targetClaimId: rng.chance(0.7) ? rng.pick(others) : null,
      relation: rng.pick(['supports', 'contradicts', 'context'] as const),
      note: `${marker} ${words(rng, rng.int(2, 10))}`,
    };
  }
  const basis = [...new Set([rng.pick(claims), rng.pick(claims), rng.pick(claims)])];
  return {
    kind: 'judgment',
    marker,
    statement: `${marker} ${words(rng, rng.int(5, 20))}`,
    basis: basis.slice(0, rng.int(0, basis.length)),
  };
}
