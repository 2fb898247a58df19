/**
 * Claim suggestions (issue 13): the app reads a document first and offers the claims it
 * finds; the analyst accepts (a claim is made through the one write path, undoable) or
 * rejects (remembered by the suggestion's key, for this snapshot and its later versions).
 */
import { z } from 'zod';
import {
  CalendarDateSchema,
  ClaimKindSchema,
  ClaimStatusSchema,
  CredibilitySchema,
  EntityKindSchema,
  IdSchema,
  SuggestionKeySchema,
  TagSchema,
  type Claim,
  type Entity,
  type EntityKind,
} from '../../domain/schemas';
import type { SuggestedKind } from '../../suggest/types';
import { title } from '../fields';

/** The most suggestions one call accepts or rejects. */
export const MAX_SUGGESTION_KEYS = 1000;

/**
 * A speaker or intermediary as the analyst settles it: an existing person or outlet by id,
 * or a new one by name and kind (created in the same edit as the claim; a name that already
 * names someone is taken to mean them).
 */
export const EntityChoiceSchema = z
  .object({
    entityId: IdSchema.optional(),
    name: title(200).optional(),
    kind: EntityKindSchema.optional(),
    role: z.string().trim().max(300).optional(),
  })
  .strict()
  .refine((v) => (v.entityId === undefined) !== (v.name === undefined), {
    message: 'give either entityId (someone already known) or name and kind (someone new)',
  })
  .refine((v) => v.name === undefined || v.kind !== undefined, {
    message: 'a new person or organisation needs a kind',
    path: ['kind'],
  });

export type EntityChoice = z.input<typeof EntityChoiceSchema>;

const keys = z
  .array(SuggestionKeySchema)
  .min(1, { message: 'name at least one suggestion' })
  .max(MAX_SUGGESTION_KEYS);

/**
 * What the analyst changed before accepting; every field left out is the suggestion's own
 * (its quote as the wording, its kind, speaker, chain, cue and date said).
 */
const acceptEdits = {
  /** The claim in the analyst's words; empty: the quote. */
  text: z.string().trim().max(5000).optional(),
  kind: ClaimKindSchema.optional(),
  /** Who said it; null: nobody named. */
  speaker: EntityChoiceSchema.nullable().optional(),
  /** Intermediaries, nearest the speaker first, without the document's own outlet. */
  via: z.array(EntityChoiceSchema).max(10).optional(),
  cue: z.string().trim().max(100).optional(),
  saidOn: CalendarDateSchema.optional(),
  reportedOn: CalendarDateSchema.optional(),
  status: ClaimStatusSchema.optional(),
  tags: z.array(TagSchema).max(30).optional(),
  notes: z.string().max(10000).optional(),
  credibility: CredibilitySchema.optional(),
};

export const suggestionInputs = {
  /**
   * The pending suggestions of a document, in text order: those rejected on it (or on an
   * earlier version) and those overlapping one of its claims are left out and counted.
   * The first call on a text runs the extractor (off the main thread for a long one); later
   * calls reuse the result.
   */
  'suggestions:list': z.object({ documentId: IdSchema }).strict(),
  /** Make a claim of one suggestion, with the analyst's edits, as one undoable edit. */
  'suggestions:accept': z
    .object({ documentId: IdSchema, key: SuggestionKeySchema, ...acceptEdits })
    .strict(),
  /**
   * Make claims of every pending suggestion whose speaker is `speaker` (the name the list
   * gives), in one edit: one undo takes them all back. Speakers and outlets are matched or
   * created as for a single accept.
   */
  'suggestions:acceptAll': z.object({ documentId: IdSchema, speaker: title(200) }).strict(),
  /** Reject suggestions: they are not offered again on this snapshot or its later versions. */
  'suggestions:reject': z.object({ documentId: IdSchema, keys }).strict(),
} as const;

/** A speaker or intermediary as a suggestion proposes it. */
export interface ProposedEntity {
  /** The name the text gives (resolved: "Helen Marsh" for "she"), or the known entity's. */
  name: string;
  /** The known person or outlet it matched by name or alias; null: it would be new. */
  entityId: string | null;
  /** Its kind: the known entity's, else a guess (speaker: person, chain: outlet). */
  kind: EntityKind;
  /** The role the text gives ("head of highways"), for a new entity. */
  role: string;
}

export interface SuggestionView {
  key: string;
  kind: SuggestedKind;
  /** The quote: UTF-16 offsets into the document's text, and the text there. */
  start: number;
  end: number;
  exact: string;
  speaker: ProposedEntity | null;
  /** The words that name the speaker where the claim is ("he", "Marsh"), if any. */
  speakerText: string | null;
  cue: string | null;
  via: ProposedEntity[];
  saidOn: string | null;
  /** 0..1: how sure the rule that found it is. */
  confidence: number;
}

export interface SuggestionList {
  documentId: string;
  /** Pending suggestions, in text order. */
  suggestions: SuggestionView[];
  /** Found again but rejected before (here or on an earlier version). */
  rejected: number;
  /** Found again but overlapping a claim of the document: already captured. */
  captured: number;
}

export interface AcceptedSuggestions {
  claims: Claim[];
  /** People and outlets the accept created. */
  entities: Entity[];
}

export interface RejectedSuggestions {
  documentId: string;
  /** The keys newly rejected (those rejected before are left out). */
  rejected: string[];
}
