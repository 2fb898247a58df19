/** Claims: captured, edited, listed a window at a time, searched and faceted. */
import { z } from 'zod';
import {
  CalendarDateSchema,
  ClaimKindSchema,
  ClaimStatusSchema,
  CredibilitySchema,
  IdSchema,
  ReliabilitySchema,
  TagSchema,
  type Claim,
  type ClaimKind,
  type ClaimStatus,
  type HistoryEntry,
} from '../../domain/schemas';
import type { ConfidenceScore } from '../../scoring/model';
import { endAfterStart, safeRecord, selection, title, windowFields } from '../fields';

const attributionInput = z
  .object({
    speakerId: IdSchema.nullable().optional(),
    via: z.array(IdSchema).max(10).optional(),
    cue: z.string().trim().max(100).optional(),
    saidOn: CalendarDateSchema.optional(),
    reportedOn: CalendarDateSchema.optional(),
    /** Grades for this attribution only, by entity id; replaces the whole map when given. */
    reliabilityOverrides: safeRecord(ReliabilitySchema).optional(),
  })
  .strict();

/** The fields of a claim an analyst sets, all optional. */
const claimFields = {
  kind: ClaimKindSchema.optional(),
  status: ClaimStatusSchema.optional(),
  tags: z.array(TagSchema).max(30).optional(),
  notes: z.string().max(10000).optional(),
  credibility: CredibilitySchema.optional(),
  attribution: attributionInput.optional(),
};

/** What narrows the claim list; each filter left null passes every claim. */
export const ClaimFilterSchema = z
  .object({
    query: z.string().max(500).default(''),
    speakerId: IdSchema.nullable().default(null),
    /** An outlet that carried the claim: the document's outlet or an intermediary. */
    outletId: IdSchema.nullable().default(null),
    kind: ClaimKindSchema.nullable().default(null),
    status: ClaimStatusSchema.nullable().default(null),
    tag: TagSchema.nullable().default(null),
    documentId: IdSchema.nullable().default(null),
    /** Only claims waiting for review after a new version (true), or all (false). */
    orphaned: z.boolean().default(false),
  })
  .strict();

export const claimInputs = {
  /** Every claim of a case, in capture order. For scripts: the UI asks for windows. */
  'claims:list': z.object({ caseId: IdSchema }).strict(),
  /**
   * A window of a case's claims through the filters and the search: claims whose own fields
   * (wording, quote, tags, notes) hold every word first, then those found through the names
   * around them; each in capture order. Document titles that match are listed apart.
   */
  'claims:query': z
    .object({ caseId: IdSchema, filter: ClaimFilterSchema.prefault({}), ...windowFields })
    .strict(),
  /**
   * Where a claim is in the list the search and filters give (its index, or null when they
   * leave it out), so that the list can scroll to a claim it has not loaded.
   */
  'claims:locate': z
    .object({ caseId: IdSchema, filter: ClaimFilterSchema.prefault({}), claimId: IdSchema })
    .strict(),
  /** Some claims by id, with their scores (those that no longer exist are left out). */
  'claims:get': z.object({ claimIds: z.array(IdSchema).max(1000) }).strict(),
  /** What the filters can offer for a case, with counts. */
  'claims:facets': z.object({ caseId: IdSchema }).strict(),
  /** The claims anchored in one document, as the reader highlights them. */
  'claims:ofDocument': z.object({ documentId: IdSchema }).strict(),
  /** Claims waiting for review on any version of a document's lineage. */
  'claims:orphans': z.object({ documentId: IdSchema }).strict(),
  /**
   * Turn a selected passage into a claim. `start`/`end` are UTF-16 offsets into the
   * document text and `exact` is the selected text, which must match the text there.
   * An empty `text` means "use the quote as the claim's wording".
   */
  'claims:create': z
    .object({ ...selection, text: z.string().trim().max(5000).default(''), ...claimFields })
    .strict()
    .refine(endAfterStart, { message: 'must be after start', path: ['end'] }),
  /**
   * Change any of a claim's fields; what is left out stays as it is. `quoteConfirmed`: the
   * analyst accepts the quote a new version changed (clears `previousQuote`).
   */
  'claims:update': z
    .object({
      claimId: IdSchema,
      text: title(5000).optional(),
      // true settles the mark; false (or left out) leaves it.
      quoteConfirmed: z.boolean().optional(),
      ...claimFields,
    })
    .strict(),
  /** Delete a claim. */
  'claims:delete': z.object({ claimId: IdSchema }).strict(),
  /**
   * Settle an orphaned claim: re-attach it to a passage (of the new snapshot, usually), or,
   * with no passage, keep it where it was on the old snapshot.
   */
  'claims:reattach': z
    .object({
      claimId: IdSchema,
      passage: z
        .object(selection)
        .strict()
        .refine(endAfterStart, { message: 'must be after start', path: ['end'] })
        .nullable(),
    })
    .strict(),
  /** Who changed what in a claim, and when, oldest first. */
  'claims:history': z.object({ claimId: IdSchema }).strict(),
} as const;

export type ClaimFilterInput = z.input<typeof ClaimFilterSchema>;

/** A claim as a list shows it: with its score and the document it sits in. */
export interface ClaimRow {
  claim: Claim;
  /** Null while the claims it depends on are still loading. */
  score: ConfidenceScore | null;
  document: { id: string; title: string; outlet: string; outletId: string | null } | null;
}

export interface TitleMatch {
  documentId: string;
  title: string;
  claims: number;
}

export interface ClaimPage {
  /** Claims in the case. */
  total: number;
  /** Claims passing the filters and the search. */
  matched: number;
  offset: number;
  rows: ClaimRow[];
  /** Documents of the case whose titles hold the search words (not counted as matches). */
  titleMatches: TitleMatch[];
  /** Claims still loading after start: the answer may be incomplete; ask again after. */
  loading: { loaded: number; total: number } | null;
}

export interface Facet {
  id: string;
  count: number;
}

export interface ClaimFacets {
  total: number;
  kinds: Partial<Record<ClaimKind, number>>;
  statuses: Partial<Record<ClaimStatus, number>>;
  orphaned: number;
  /** Entities speaking, and carrying (intermediaries and documents' outlets), most first. */
  speakers: Facet[];
  outlets: Facet[];
  tags: { tag: string; count: number }[];
  loading: { loaded: number; total: number } | null;
}

/** A claim as the reader draws it. */
export interface Highlight {
  id: string;
  start: number;
  end: number;
  kind: ClaimKind;
  status: ClaimStatus;
}

export type { HistoryEntry };
