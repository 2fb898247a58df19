/**
 * From the extractor's suggestions to what the analyst is offered (issue 13): speakers and
 * outlets matched to the people and outlets already known, by name or alias, else proposed
 * as new with a kind; the document's own outlet taken off the chain (it is the document's);
 * suggestions rejected on this snapshot or an earlier one, and those overlapping a claim the
 * analyst already made, left out.
 */
import type {
  ProposedEntity,
  SuggestionList,
  SuggestionView,
} from '../../../shared/contract/channels';
import type { Claim, ClaimDocument, EntityKind } from '../../../shared/domain/schemas';
import { normalizeName } from '../../../shared/entities/names';
import type { SpeakerType, Suggestion } from '../../../shared/suggest/types';
import type { HandlerContext } from '../handlers/context';

/** The kind a new speaker is proposed with: a person unless the text says otherwise. */
const SPEAKER_KINDS: Record<Exclude<SpeakerType, 'anonymous'>, EntityKind> = {
  person: 'person',
  org: 'organisation',
  outlet: 'outlet',
  group: 'other',
};

/** "the county council" names a council, not "the". */
const bareName = (name: string) => name.replace(/^the\s+/iu, '').trim();

/** The known person or outlet with this name or alias, or a new one of `kind`. */
export function proposeEntity(
  ctx: HandlerContext,
  name: string,
  kind: EntityKind,
  role: string,
): ProposedEntity {
  const id = ctx.ix.relations.entityNamed(name) ?? ctx.ix.relations.entityNamed(bareName(name));
  const known = id ? ctx.store.get('entities', id) : undefined;
  if (known) return { name: known.name, entityId: known.id, kind: known.kind, role: known.role };
  return { name: bareName(name) || name, entityId: null, kind, role };
}

export function viewOf(
  ctx: HandlerContext,
  document: ClaimDocument,
  text: string,
  s: Suggestion,
): SuggestionView {
  const speaker =
    s.speakerName && s.speakerType && s.speakerType !== 'anonymous'
      ? proposeEntity(ctx, s.speakerName, SPEAKER_KINDS[s.speakerType], s.role ?? '')
      : null;
  const documentOutlet = normalizeName(document.outlet);
  const via: ProposedEntity[] = [];
  for (const name of s.via) {
    if (documentOutlet && normalizeName(name) === documentOutlet) continue;
    const carrier = proposeEntity(ctx, name, 'outlet', '');
    if (carrier.entityId !== null && carrier.entityId === document.outletId) continue;
    if (sameEntity(carrier, speaker) || via.some((v) => sameEntity(v, carrier))) continue;
    via.push(carrier);
  }
  return {
    key: s.key,
    kind: s.kind,
    start: s.content.start,
    end: s.content.end,
    exact: text.slice(s.content.start, s.content.end),
    speaker,
    speakerText: s.speaker?.text ?? null,
    cue: s.cue,
    via,
    saidOn: s.saidOn,
    confidence: s.confidence,
  };
}

const sameEntity = (a: ProposedEntity, b: ProposedEntity | null) =>
  b !== null &&
  (a.entityId !== null
    ? a.entityId === b.entityId
    : normalizeName(a.name) === normalizeName(b.name));

/** Keys rejected on this snapshot and on every earlier version of it. */
export function rejectedKeys(ctx: HandlerContext, document: ClaimDocument): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  for (
    let d: ClaimDocument | undefined = document;
    d && !seen.has(d.id);
    d = d.previousVersionId ? ctx.store.get('documents', d.previousVersionId) : undefined
  ) {
    seen.add(d.id);
    for (const key of d.rejectedSuggestions ?? []) keys.add(key);
  }
  return keys;
}

/**
 * Whether a span overlaps one of the claims, in O(log claims) per span: claims sorted by
 * start, with the furthest end reached so far.
 */
export function overlapTest(claims: readonly Claim[]): (start: number, end: number) => boolean {
  const spans = claims.map((c) => c.anchor).sort((a, b) => a.start - b.start);
  const starts = spans.map((a) => a.start);
  const reach: number[] = [];
  for (const a of spans) reach.push(Math.max(a.end, reach[reach.length - 1] ?? 0));
  return (start, end) => {
    // Claims starting before `end`: the first `lo` of them.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (reach[lo - 1] ?? 0) > start;
  };
}

/** The list the reader shows: pending suggestions in text order, with what was left out. */
export function listOf(
  ctx: HandlerContext,
  document: ClaimDocument,
  text: string,
  suggestions: readonly Suggestion[],
  claims: readonly Claim[],
): SuggestionList {
  const rejected = rejectedKeys(ctx, document);
  const overlaps = overlapTest(claims);
  const pending: SuggestionView[] = [];
  let rejectedCount = 0;
  let captured = 0;
  for (const s of suggestions) {
    if (rejected.has(s.key)) rejectedCount += 1;
    else if (overlaps(s.content.start, s.content.end)) captured += 1;
    else pending.push(viewOf(ctx, document, text, s));
  }
  pending.sort((a, b) => a.start - b.start || a.end - b.end);
  return { documentId: document.id, suggestions: pending, rejected: rejectedCount, captured };
}
