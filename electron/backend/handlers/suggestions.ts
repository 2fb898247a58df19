/**
 * Suggested claims (issue 13): the extractor's reading of a document, offered to the analyst,
 * who accepts (the claim is made by the same code as a selection's, in one undoable edit,
 * with any new speaker or outlet) or rejects (the key is kept on the document record, so the
 * next run leaves it out, on this snapshot and its later versions). A run never changes the
 * analyst's own claims.
 */
import { createAnchor, isAnchor } from '../../../shared/anchoring/textQuote';
import type {
  AcceptedSuggestions,
  EntityChoice,
  ParsedInput,
  SuggestionView,
} from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import {
  MAX_REJECTED_SUGGESTIONS,
  type Claim,
  type ClaimDocument,
  type Entity,
} from '../../../shared/domain/schemas';
import { normalizeName } from '../../../shared/entities/names';
import type { Suggestion } from '../../../shared/suggest/types';
import { applyEdit } from '../edits/applyEdit';
import type { Op } from '../store/ops';
import { listOf, overlapTest, rejectedKeys, viewOf } from '../suggestions/proposals';
import { newClaim } from './claims';
import type { HandlerContext } from './context';
import { entityRecord } from './entities';
import { claimsOfDocument } from './lookups';
import { requireDocument, requireEntity } from './require';
import type { HandlersFor } from './types';

type AcceptInput = ParsedInput<'suggestions:accept'>;
type Edits = Omit<AcceptInput, 'documentId' | 'key'>;

interface Read {
  document: ClaimDocument;
  text: string;
  suggestions: Suggestion[];
}

/** The document, its text and every suggestion in it (rejected and captured ones too). */
async function readDocument(ctx: HandlerContext, documentId: string): Promise<Read> {
  const document = requireDocument(ctx.store, documentId);
  const text = await ctx.store.texts.get(document.contentHash);
  const suggestions = await ctx.suggest.run(document.contentHash, async () => text, document);
  return { document, text, suggestions };
}

const noSuchKey = (key: string, field = 'key') =>
  new CallFailure(
    'not_found',
    `There is no suggestion ${key} in this document. List the suggestions again.`,
    field,
  );

/**
 * Builds the claims of accepted suggestions, inside an edit's plan: speakers and outlets
 * chosen by id must exist; those named are the known one of that name, else created once
 * for the whole edit.
 */
class AcceptPlan {
  readonly ops: Op[] = [];
  readonly claims: Claim[] = [];
  readonly entities: Entity[] = [];
  private readonly byName = new Map<string, Entity>();
  private readonly rejected: Set<string>;
  private readonly overlaps: (start: number, end: number) => boolean;

  constructor(
    private readonly ctx: HandlerContext,
    private readonly document: ClaimDocument,
    private readonly text: string,
  ) {
    this.rejected = rejectedKeys(ctx, document);
    this.overlaps = overlapTest(claimsOfDocument(ctx, document.id));
  }

  accept(view: SuggestionView, edits: Edits): void {
    if (this.rejected.has(view.key)) {
      throw new CallFailure(
        'conflict',
        'This suggestion was rejected. Undo the rejection to accept it.',
        'key',
      );
    }
    if (this.overlaps(view.start, view.end)) {
      throw new CallFailure(
        'conflict',
        'This passage is already part of a claim of this document.',
        'key',
      );
    }
    const anchor = createAnchor(this.text, view.start, view.end, view.exact);
    if (!isAnchor(anchor)) throw noSuchKey(view.key);
    const speakerChoice =
      edits.speaker === undefined ? choiceOf(view.speaker) : (edits.speaker ?? null);
    const speakerId = speakerChoice ? this.entityFor(speakerChoice, 'speaker') : null;
    const via: string[] = [];
    (edits.via ?? view.via.map(choiceOf)).forEach((choice, i) => {
      if (!choice) return;
      const id = this.entityFor(choice, `via.${i}`);
      if (id !== speakerId && id !== this.document.outletId && !via.includes(id)) via.push(id);
    });
    const claim = newClaim(
      this.ctx,
      this.document,
      anchor,
      {
        text: edits.text ?? '',
        kind: edits.kind ?? view.kind,
        status: edits.status,
        tags: edits.tags,
        notes: edits.notes,
        credibility: edits.credibility,
        attribution: {
          speakerId,
          via,
          cue: edits.cue ?? view.cue ?? '',
          saidOn: edits.saidOn ?? view.saidOn ?? '',
          reportedOn: edits.reportedOn ?? this.document.publishedAt,
        },
      },
      new Set(this.entities.map((e) => e.id)),
    );
    this.claims.push(claim);
    this.ops.push({ type: 'put', collection: 'claims', value: claim });
  }

  result(): AcceptedSuggestions {
    return { claims: this.claims, entities: this.entities };
  }

  private entityFor(choice: EntityChoice, field: string): string {
    if (choice.entityId !== undefined)
      return requireEntity(this.ctx.store, choice.entityId, field).id;
    const name = choice.name ?? '';
    const known = this.ctx.ix.relations.entityNamed(name);
    if (known) return known;
    const key = normalizeName(name);
    const made = this.byName.get(key);
    if (made) return made.id;
    const created = entityRecord(this.ctx, {
      name,
      kind: choice.kind ?? 'person',
      role: choice.role ?? '',
    });
    this.byName.set(key, created);
    this.entities.push(created);
    // Entities first: the claims that name them follow in the same edit.
    this.ops.unshift({ type: 'put', collection: 'entities', value: created });
    return created.id;
  }
}

/** A proposal as the choice accepting it unchanged makes. */
function choiceOf(p: SuggestionView['speaker']): EntityChoice | null {
  if (!p) return null;
  return p.entityId ? { entityId: p.entityId } : { name: p.name, kind: p.kind, role: p.role };
}

/** Every suggestion of a read document, as the analyst would see it now. */
const viewsOf = (ctx: HandlerContext, read: Read) =>
  read.suggestions.map((s) => viewOf(ctx, read.document, read.text, s));

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const suggestionHandlers: HandlersFor<
  'suggestions:list' | 'suggestions:accept' | 'suggestions:acceptAll' | 'suggestions:reject'
> = {
  'suggestions:list': async ({ documentId }, ctx) => {
    const read = await readDocument(ctx, documentId);
    // Claims and rejections as they are now, after the (possibly long) run.
    const document = requireDocument(ctx.store, documentId);
    const claims = claimsOfDocument(ctx, documentId);
    return listOf(ctx, document, read.text, read.suggestions, claims);
  },

  'suggestions:accept': async ({ documentId, key, ...edits }, ctx) => {
    const read = await readDocument(ctx, documentId);
    if (!read.suggestions.some((s) => s.key === key)) throw noSuchKey(key);
    return applyEdit(ctx, 'Accept suggested claim', () => {
      const document = requireDocument(ctx.store, documentId);
      const view = viewsOf(ctx, { ...read, document }).find((v) => v.key === key);
      if (!view) throw noSuchKey(key);
      const plan = new AcceptPlan(ctx, document, read.text);
      plan.accept(view, edits);
      return { ops: plan.ops, result: plan.result(), caseId: document.caseId };
    });
  },

  'suggestions:acceptAll': async ({ documentId, speaker }, ctx) => {
    const read = await readDocument(ctx, documentId);
    const wanted = normalizeName(speaker);
    const waiting = (document: ClaimDocument) =>
      listOf(
        ctx,
        document,
        read.text,
        read.suggestions,
        claimsOfDocument(ctx, documentId),
      ).suggestions.filter((v) => v.speaker !== null && normalizeName(v.speaker.name) === wanted);
    const name = waiting(read.document)[0]?.speaker?.name ?? speaker;
    return applyEdit(ctx, `Accept the suggested claims of ${name}`, () => {
      // Again inside the edit queue: claims or rejections may have landed meanwhile.
      const document = requireDocument(ctx.store, documentId);
      const mine = waiting(document);
      if (mine.length === 0) {
        throw new CallFailure(
          'not_found',
          `No suggestion waiting in this document is by ${speaker}.`,
          'speaker',
        );
      }
      const plan = new AcceptPlan(ctx, document, read.text);
      for (const view of mine) plan.accept(view, {});
      return { ops: plan.ops, result: plan.result(), caseId: document.caseId };
    });
  },

  'suggestions:reject': async ({ documentId, keys }, ctx) => {
    const read = await readDocument(ctx, documentId);
    const known = new Set(read.suggestions.map((s) => s.key));
    const unknown = keys.findIndex((k) => !known.has(k));
    if (unknown >= 0) throw noSuchKey(keys[unknown] ?? '', `keys.${unknown}`);
    const unique = new Set(keys).size;
    const label = unique === 1 ? 'Reject suggestion' : `Reject ${plural(unique, 'suggestion')}`;
    return applyEdit(ctx, label, () => {
      const document = requireDocument(ctx.store, documentId);
      const before = rejectedKeys(ctx, document);
      const added = [...new Set(keys)].filter((k) => !before.has(k));
      const ops: Op[] = [];
      if (added.length > 0) {
        const rejectedSuggestions = [...(document.rejectedSuggestions ?? []), ...added];
        if (rejectedSuggestions.length > MAX_REJECTED_SUGGESTIONS) {
          throw new CallFailure(
            'conflict',
            `A document remembers at most ${MAX_REJECTED_SUGGESTIONS} rejected suggestions.`,
            'keys',
          );
        }
        const value: ClaimDocument = { ...document, rejectedSuggestions };
        ops.push({ type: 'put', collection: 'documents', value });
      }
      return { ops, result: { documentId, rejected: added }, caseId: document.caseId };
    });
  },
};
