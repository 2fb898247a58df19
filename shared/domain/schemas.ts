/**
 * The domain records as they are stored and as they cross the contract.
 * One zod schema per record; the TypeScript types are inferred from them so the
 * validation at the boundary and the types the code is written against cannot drift.
 */
import { z } from 'zod';
import { BriefingModelSchema } from './briefingModel';
import { CLAIM_KINDS, CLAIM_STATUSES, ENTITY_KINDS, LINK_RELATIONS, SOURCE_FORMATS } from './enums';
import {
  CONFIDENCE_LEVELS,
  CREDIBILITY_CODES,
  LIKELIHOODS,
  RELIABILITY_CODES,
} from '../grading/scales';

/** NATO Admiralty source reliability, A–F (F: cannot be judged). */
export const ReliabilitySchema = z.enum(RELIABILITY_CODES);
/** NATO Admiralty information credibility, 1–6 (6: cannot be judged). */
export const CredibilitySchema = z.literal(CREDIBILITY_CODES);

/** Ids are opaque strings minted by the backend. */
export const IdSchema = z.string().min(1).max(64);

/** An ISO 8601 timestamp (UTC) or calendar date, as written by the backend. */
export const TimestampSchema = z.iso.datetime();

/** `YYYY-MM-DD`, or empty when unknown. */
export const CalendarDateSchema = z.union([
  z.literal(''),
  z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
]);

/** A case: the workspace for one question. */
export const CaseSchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(300),
  question: z.string().max(2000).default(''),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Case = z.infer<typeof CaseSchema>;

export { CLAIM_KINDS, CLAIM_STATUSES, ENTITY_KINDS, LINK_RELATIONS, SOURCE_FORMATS };
export type { ClaimKind, ClaimStatus, EntityKind, LinkRelation, SourceFormat } from './enums';

export const SourceFormatSchema = z.enum(SOURCE_FORMATS);

/** A claim suggestion's stable key (shared/suggest/key.ts): a hash of its content and speaker, hex. */
export const SuggestionKeySchema = z
  .string()
  .regex(/^[0-9a-f]{8,32}$/, { message: 'is not a suggestion key' });
/** The most rejected suggestions one snapshot remembers: more than a 10 MB text holds. */
export const MAX_REJECTED_SUGGESTIONS = 50_000;

/**
 * An imported source. The text itself is stored outside the hot JSON (DESIGN.md, "Store")
 * under its content hash; the record keeps the hash and the length.
 */
export const DocumentSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  title: z.string().min(1).max(500),
  outlet: z.string().max(300).default(''),
  url: z.string().max(2000).default(''),
  author: z.string().max(300).default(''),
  /** The date the source was published, `YYYY-MM-DD`, or empty when unknown. */
  publishedAt: CalendarDateSchema.default(''),
  /** The date the analyst retrieved it, `YYYY-MM-DD`, or empty. */
  retrievedAt: CalendarDateSchema.default(''),
  format: SourceFormatSchema,
  /** The file it was imported from, empty for a paste. */
  fileName: z.string().max(500).default(''),
  /** The outlet as an entity, so claims can name the chain that reached the document. */
  outletId: IdSchema.nullable().default(null),
  /** The earlier snapshot this one replaces, when a changed version was imported. */
  previousVersionId: IdSchema.nullable().default(null),
  /** sha256 of the UTF-8 text, hex. Names the file that holds the text. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Length of the text in UTF-16 code units (what JavaScript offsets count). */
  textLength: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  /**
   * Keys of the claim suggestions the analyst rejected on this snapshot (issue 13), so a new
   * run leaves them out; later versions inherit them by key. Optional: older records have none.
   */
  rejectedSuggestions: z.array(SuggestionKeySchema).max(MAX_REJECTED_SUGGESTIONS).optional(),
});
export type ClaimDocument = z.infer<typeof DocumentSchema>;

/**
 * Where a claim's quote sits in its document, after the W3C Web Annotation model:
 * a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end).
 * Offsets here count UTF-16 code units; exports convert them to code points.
 */
export const AnchorSchema = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const EntityKindSchema = z.enum(ENTITY_KINDS);

/** A person or organisation that speaks or reports. Shared by all cases. */
export const EntitySchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  /** Other names it goes by ("Zakharova" for "Maria Zakharova"). */
  aliases: z.array(z.string().min(1).max(200)).max(50).default([]),
  kind: EntityKindSchema,
  /** "spokesperson", "emeritus professor". */
  role: z.string().max(300).default(''),
  /** "Russian Foreign Ministry", "SSEES, University College London". */
  affiliation: z.string().max(300).default(''),
  notes: z.string().max(5000).default(''),
  /** The default source reliability of what this speaker or outlet says or carries. */
  reliability: ReliabilitySchema.default('F'),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Entity = z.infer<typeof EntitySchema>;

export const ClaimKindSchema = z.enum(CLAIM_KINDS);
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);

/**
 * Who asserted a claim and how it reached us: the speaker, then the intermediaries in order
 * (Galeotti -> Radio Liberty -> the document's outlet), the cue, and when it was said versus
 * when it was reported.
 */
export const AttributionSchema = z.object({
  speakerId: IdSchema.nullable().default(null),
  /** Intermediaries between the speaker and the document's outlet, nearest the speaker first. */
  via: z.array(IdSchema).max(10).default([]),
  /** "says", "told", "according to". */
  cue: z.string().max(100).default(''),
  saidOn: CalendarDateSchema.default(''),
  reportedOn: CalendarDateSchema.default(''),
  /** Reliability grades for this attribution only, by entity id, over each one's default. */
  reliabilityOverrides: z.record(z.string(), ReliabilitySchema).default({}),
});
export type Attribution = z.infer<typeof AttributionSchema>;

export const TagSchema = z.string().trim().min(1).max(60);

/** One proposition: the analyst's own wording plus the quote it came from. */
export const ClaimSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  documentId: IdSchema,
  /** The claim in the analyst's words. */
  text: z.string().min(1).max(5000),
  anchor: AnchorSchema,
  /**
   * `orphaned`: a new snapshot of the document was imported and the quote could not be found
   * in it; the claim stays on the old snapshot until the analyst re-attaches or keeps it.
   */
  anchorState: z.enum(['anchored', 'orphaned']).default('anchored'),
  /**
   * The quote as it read before a new version of the document changed its words (issue 12),
   * kept until the analyst confirms the new quote or re-attaches the claim. Optional, so
   * older stores need no migration: a claim whose quote never changed has none.
   */
  previousQuote: z.string().min(1).optional(),
  kind: ClaimKindSchema.default('unattributed'),
  status: ClaimStatusSchema.default('unverified'),
  tags: z.array(TagSchema).max(30).default([]),
  notes: z.string().max(10000).default(''),
  /** How credible the information itself is, whatever its source. */
  credibility: CredibilitySchema.default(6),
  attribution: AttributionSchema.default({
    speakerId: null,
    via: [],
    cue: '',
    saidOn: '',
    reportedOn: '',
    reliabilityOverrides: {},
  }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

/** One change to a claim, for its history: who changed what and when. */
export const HistoryEntrySchema = z.object({
  id: IdSchema,
  claimId: IdSchema,
  at: TimestampSchema,
  /** The analyst's account name on this machine. */
  by: z.string().max(200),
  action: z.enum(['created', 'edited', 'deleted', 'reanchored', 'orphaned', 'undone', 'redone']),
  /** Field-level changes, values shown as short text. */
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })).default([]),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const LinkRelationSchema = z.enum(LINK_RELATIONS);

/** What a piece of evidence points at: another claim, a span of a document, a URL, a file. */
export const LinkTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), claimId: IdSchema }),
  z.object({ kind: z.literal('span'), documentId: IdSchema, anchor: AnchorSchema }),
  z.object({ kind: z.literal('url'), url: z.string().min(1).max(2000) }),
  z.object({
    kind: z.literal('file'),
    /** The file's name, and where the analyst keeps it (a path on their machine). */
    name: z.string().min(1).max(500),
    location: z.string().max(2000).default(''),
  }),
]);
export type LinkTarget = z.infer<typeof LinkTargetSchema>;

/** Evidence around a claim, with what it means for the claim and a note. */
export const EvidenceLinkSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  fromClaimId: IdSchema,
  relation: LinkRelationSchema,
  target: LinkTargetSchema,
  note: z.string().max(5000).default(''),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

export const LikelihoodSchema = z.enum(LIKELIHOODS);
export const ConfidenceLevelSchema = z.enum(CONFIDENCE_LEVELS);

/** A key judgment of the case, graded in ICD 203 terms, resting on claims. */
export const JudgmentSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  statement: z.string().min(1).max(5000),
  likelihood: LikelihoodSchema,
  confidence: ConfidenceLevelSchema,
  /** The claims it rests on (supports) and those that cut against it (contradicts). */
  basis: z
    .array(z.object({ claimId: IdSchema, relation: z.enum(['supports', 'contradicts']) }))
    .max(500)
    .default([]),
  /** Position among the case's judgments, for the matrix and the briefing. */
  order: z.number().int().nonnegative().default(0),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Judgment = z.infer<typeof JudgmentSchema>;

/**
 * A briefing note: what the analyst chose for it and in what order, and the note as it was
 * when last saved, so reopening it shows it unchanged and marks claims edited since.
 */
export const BriefingSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  title: z.string().min(1).max(300),
  /** Handling marking line, e.g. "UNCLASSIFIED // FOR TRAINING". */
  marking: z.string().max(200).default(''),
  author: z.string().max(200).default(''),
  date: CalendarDateSchema.default(''),
  /** Bottom line up front. */
  bluf: z.string().max(10000).default(''),
  judgmentIds: z.array(IdSchema).max(100).default([]),
  /** The claims chosen for the note, in the analyst's order. */
  claimIds: z.array(IdSchema).max(1000).default([]),
  /** Each chosen claim's `updatedAt` when the note was saved. */
  claimVersions: z.record(z.string(), z.string()).default({}),
  /** The note as rendered when last saved. */
  saved: BriefingModelSchema.nullable().default(null),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Briefing = z.infer<typeof BriefingSchema>;
