/**
 * A claim's history is derived from the edits themselves: for each claim an edit touches,
 * one entry naming the fields that changed, from what to what. No handler has to remember
 * to write it, so no change escapes it.
 */
import type { Claim, HistoryEntry } from '../../../shared/domain/schemas';
import type { HandlerContext } from '../handlers/context';
import type { Op } from '../store/ops';

const SHOWN_LENGTH = 200;

const short = (value: string): string =>
  value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH)}…` : value;

/** Names and titles, as they are in the store or as this edit is about to make them. */
type Lookup = (collection: 'entities' | 'documents', id: string) => string | undefined;

function describe(lookup: Lookup, claim: Claim): Record<string, string> {
  const name = (id: string | null) => (id === null ? '' : (lookup('entities', id) ?? id));
  const a = claim.attribution;
  return {
    text: claim.text,
    quote: claim.anchor.exact,
    // A new version changed the quote's words and the analyst has not confirmed it yet.
    'quote to confirm': claim.previousQuote === undefined ? '' : 'yes',
    document: lookup('documents', claim.documentId) ?? claim.documentId,
    anchor: claim.anchorState,
    kind: claim.kind,
    status: claim.status,
    credibility: String(claim.credibility),
    tags: claim.tags.join(', '),
    notes: claim.notes,
    speaker: name(a.speakerId),
    via: a.via.map(name).join(' → '),
    cue: a.cue,
    'said on': a.saidOn,
    'reported on': a.reportedOn,
    'reliability set here': Object.entries(a.reliabilityOverrides)
      .map(([id, grade]) => `${name(id)}: ${grade}`)
      .join(', '),
  };
}

function actionFor(before: Claim | undefined, after: Claim | undefined): HistoryEntry['action'] {
  if (!before) return 'created';
  if (!after) return 'deleted';
  if (after.anchorState === 'orphaned' && before.anchorState !== 'orphaned') return 'orphaned';
  if (after.documentId !== before.documentId || after.anchor.start !== before.anchor.start) {
    return 'reanchored';
  }
  return 'edited';
}

/** History entries for the claims `ops` change; call before the ops are applied. */
export function claimHistoryOps(
  ctx: HandlerContext,
  ops: readonly Op[],
  override?: 'undone' | 'redone',
): Op[] {
  const before: Lookup = (collection, id) => {
    const record =
      collection === 'entities' ? ctx.store.get('entities', id) : ctx.store.get('documents', id);
    return record && ('name' in record ? record.name : record.title);
  };
  // Records this edit puts (a new snapshot, a restored speaker) are named as they will be.
  const pending = new Map<string, string>();
  for (const op of ops) {
    if (op.type !== 'put') continue;
    const value: object = op.value;
    if (op.collection === 'entities' && 'name' in value && typeof value.name === 'string') {
      pending.set(`entities/${op.value.id}`, value.name);
    } else if (
      op.collection === 'documents' &&
      'title' in value &&
      typeof value.title === 'string'
    ) {
      pending.set(`documents/${op.value.id}`, value.title);
    }
  }
  const after: Lookup = (collection, id) =>
    pending.get(`${collection}/${id}`) ?? before(collection, id);
  const entries: Op[] = [];
  for (const op of ops) {
    if (op.collection !== 'claims') continue;
    const id = op.type === 'put' ? op.value.id : op.id;
    const previous = ctx.store.get('claims', id);
    const next = op.type === 'put' ? (op.value as Claim) : undefined;
    const from = previous ? describe(before, previous) : {};
    const to = next ? describe(after, next) : {};
    // Both descriptions have the same fields when both exist (not `{ ...from, ...to }`:
    // spreading objects just made is slow in V8, a third of this function for 1,000 claims).
    const changes = Object.keys(next ? to : from)
      .filter((field) => (from[field] ?? '') !== (to[field] ?? ''))
      .map((field) => ({ field, from: short(from[field] ?? ''), to: short(to[field] ?? '') }));
    // Issue 12: every move to another snapshot is history, even where the quote, its place and
    // the document's title all stayed the same (an edit further down the text).
    const moved =
      previous !== undefined && next !== undefined && previous.documentId !== next.documentId;
    if (moved && !changes.some((c) => c.field === 'document')) {
      // Same title on both snapshots; direction-neutral, as undo moves the claim back.
      const title = to['document'] ?? '';
      changes.push({ field: 'document', from: title, to: `${title} (another version)` });
    }
    if (previous && next && changes.length === 0) continue;
    const entry: HistoryEntry = {
      id: ctx.newId(),
      claimId: id,
      at: ctx.now(),
      // In a team case, the login teammates know the analyst by (issue 14).
      by: ctx.team.authorIn((next ?? previous)?.caseId ?? '') ?? ctx.user,
      action: override ?? actionFor(previous, next),
      changes,
    };
    entries.push({ type: 'put', collection: 'history', value: entry });
  }
  return entries;
}
