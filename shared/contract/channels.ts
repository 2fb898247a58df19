/**
 * The one contract between the UI and the backend (DESIGN.md, "One typed contract").
 * Every call is named once here as `domain:verb`, with its input as a zod schema and its
 * result type. The backend implements it as one handler map, the Electron preload exposes
 * one function per channel, and the web host serves the same map over HTTP.
 */
import { z } from 'zod';
import {
  CalendarDateSchema,
  ClaimKindSchema,
  ConfidenceLevelSchema,
  CredibilitySchema,
  LikelihoodSchema,
  LinkRelationSchema,
  ReliabilitySchema,
  ClaimStatusSchema,
  EntityKindSchema,
  IdSchema,
  SourceFormatSchema,
  TagSchema,
  type Case,
  type Claim,
  type ClaimDocument,
  type Briefing,
  type Entity,
  type EvidenceLink,
  type HistoryEntry,
  type Judgment,
  type SourceFormat,
} from '../domain/schemas';
import type { Channel } from './channelNames';

export { CHANNELS, isChannel, type Channel } from './channelNames';

const title = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

const httpUrl = z.union([
  z.literal(''),
  z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
]);

/** Upper bound for one document, in UTF-16 code units (about 20 MB of text). */
export const MAX_DOCUMENT_LENGTH = 10_000_000;
/** Upper bound for one imported file, in bytes (base64 makes it a third larger in transit). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * A map keyed by entity id. zod drops a "__proto__" key without a word; a body that names
 * one is refused instead, so nothing it meant is silently lost.
 */
const safeRecord = <V extends z.ZodType>(value: V) =>
  z
    .custom<Record<string, unknown>>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        !Object.prototype.hasOwnProperty.call(v, '__proto__'),
      { message: 'must be a map of ids, without a "__proto__" key' },
    )
    .pipe(z.record(IdSchema, value));

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

const selection = {
  documentId: IdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  exact: z.string().min(1),
};

const endAfterStart = (v: { start: number; end: number }) => v.end > v.start;

const entityFields = {
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  role: z.string().trim().max(300).optional(),
  affiliation: z.string().trim().max(300).optional(),
  notes: z.string().max(5000).optional(),
  reliability: ReliabilitySchema.optional(),
};

const linkTargetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), claimId: IdSchema }).strict(),
  z
    .object({
      kind: z.literal('span'),
      documentId: IdSchema,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      exact: z.string().min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('url'),
      url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      name: z.string().trim().min(1).max(500),
      location: z.string().trim().max(2000).default(''),
    })
    .strict(),
]);

const basisInput = z
  .array(z.object({ claimId: IdSchema, relation: z.enum(['supports', 'contradicts']) }).strict())
  .max(500);

export const inputSchemas = {
  /** Facts about the running backend: version, host kind, where the data lives. */
  'app:info': z.object({}).strict(),

  /** All cases, newest first, with counts. */
  'cases:list': z.object({}).strict(),
  /** Create an empty case. */
  'cases:create': z
    .object({ title: title(300), question: z.string().trim().max(2000).default('') })
    .strict(),

  /** The documents of a case, in the order they were added. */
  'documents:list': z.object({ caseId: IdSchema }).strict(),
  /** One document with its full text. */
  'documents:get': z.object({ documentId: IdSchema }).strict(),
  /**
   * Read a file's text and metadata without adding it, and say whether the case already has
   * it (same text) or an earlier version of it (same URL or title, other text).
   */
  'documents:extract': z
    .object({
      caseId: IdSchema,
      fileName: z.string().trim().min(1).max(500),
      dataBase64: z
        .string()
        .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, { message: 'the file is larger than 50 MB' }),
    })
    .strict(),
  /**
   * Add a document (pasted, or a file's extracted text). The text is stored as given, never
   * edited. With `versionOf`, it is a new snapshot of that document and its claims are
   * re-anchored to it. The same text twice in one case is refused with `conflict`.
   */
  'documents:create': z
    .object({
      caseId: IdSchema,
      title: title(500),
      text: z
        .string()
        .max(MAX_DOCUMENT_LENGTH, { message: 'is too long for one document' })
        .refine((t) => t.trim().length > 0, { message: 'must not be empty' }),
      format: SourceFormatSchema.default('paste'),
      fileName: z.string().trim().max(500).default(''),
      author: z.string().trim().max(300).default(''),
      // The outlet becomes an entity, whose names are at most 200 characters.
      outlet: z.string().trim().max(200).default(''),
      url: httpUrl.default(''),
      publishedAt: CalendarDateSchema.default(''),
      retrievedAt: CalendarDateSchema.default(''),
      versionOf: IdSchema.nullable().default(null),
    })
    .strict(),

  /** The claims of a case. */
  'claims:list': z.object({ caseId: IdSchema }).strict(),
  /**
   * Turn a selected passage into a claim. `start`/`end` are UTF-16 offsets into the
   * document text and `exact` is the selected text, which must match the text there.
   * An empty `text` means "use the quote as the claim's wording".
   */
  'claims:create': z
    .object({ ...selection, text: z.string().trim().max(5000).default(''), ...claimFields })
    .strict()
    .refine(endAfterStart, { message: 'must be after start', path: ['end'] }),
  /** Change any of a claim's fields; what is left out stays as it is. */
  'claims:update': z
    .object({ claimId: IdSchema, text: title(5000).optional(), ...claimFields })
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

  /** Every person and organisation, by name. */
  'entities:list': z.object({}).strict(),
  'entities:create': z
    .object({ name: title(200), kind: EntityKindSchema, ...entityFields })
    .strict(),
  'entities:update': z
    .object({
      entityId: IdSchema,
      name: title(200).optional(),
      kind: EntityKindSchema.optional(),
      ...entityFields,
    })
    .strict(),
  /** Fold `mergeId` into `keepId`: every reference moves over, its names become aliases. */
  'entities:merge': z
    .object({ keepId: IdSchema, mergeId: IdSchema })
    .strict()
    .refine((v) => v.keepId !== v.mergeId, {
      message: 'cannot merge an entity into itself',
      path: ['mergeId'],
    }),
  /** A speaker page: the entity and everything it said or carried, across all cases. */
  'entities:profile': z.object({ entityId: IdSchema }).strict(),

  /** The evidence links of a case. */
  'links:list': z.object({ caseId: IdSchema }).strict(),
  /**
   * Link evidence to a claim: another claim, a span of a document, a URL or a file. A link
   * to itself is refused; the same link twice is merged (its note kept or updated).
   */
  'links:create': z
    .object({
      fromClaimId: IdSchema,
      relation: LinkRelationSchema,
      target: linkTargetInput,
      note: z.string().trim().max(5000).default(''),
    })
    .strict(),
  'links:update': z
    .object({
      linkId: IdSchema,
      relation: LinkRelationSchema.optional(),
      note: z.string().trim().max(5000).optional(),
    })
    .strict(),
  'links:delete': z.object({ linkId: IdSchema }).strict(),

  /** The key judgments of a case, in order. */
  'judgments:list': z.object({ caseId: IdSchema }).strict(),
  'judgments:create': z
    .object({
      caseId: IdSchema,
      statement: title(5000),
      likelihood: LikelihoodSchema,
      confidence: ConfidenceLevelSchema,
      basis: basisInput.default([]),
    })
    .strict(),
  'judgments:update': z
    .object({
      judgmentId: IdSchema,
      statement: title(5000).optional(),
      likelihood: LikelihoodSchema.optional(),
      confidence: ConfidenceLevelSchema.optional(),
      basis: basisInput.optional(),
      order: z.number().int().nonnegative().optional(),
    })
    .strict(),
  'judgments:delete': z.object({ judgmentId: IdSchema }).strict(),

  /** The briefing notes of a case. */
  'briefings:list': z.object({ caseId: IdSchema }).strict(),
  'briefings:create': z.object({ caseId: IdSchema, title: title(300) }).strict(),
  /** Change a note; what is left out stays. Saving records the chosen claims' versions. */
  'briefings:update': z
    .object({
      briefingId: IdSchema,
      title: title(300).optional(),
      marking: z.string().trim().max(200).optional(),
      author: z.string().trim().max(200).optional(),
      date: CalendarDateSchema.optional(),
      bluf: z.string().max(10000).optional(),
      judgmentIds: z.array(IdSchema).max(100).optional(),
      claimIds: z.array(IdSchema).max(1000).optional(),
    })
    .strict(),
  'briefings:delete': z.object({ briefingId: IdSchema }).strict(),
  /** The note as a file: DOCX, PDF, Markdown or self-contained HTML. */
  'briefings:export': z
    .object({ briefingId: IdSchema, format: z.enum(['docx', 'pdf', 'md', 'html']) })
    .strict(),

  /** The whole case as a file: JSON (to hand over), CSV, W3C Web Annotation or STIX 2.1. */
  'cases:export': z
    .object({ caseId: IdSchema, format: z.enum(['json', 'csv', 'w3c', 'stix']) })
    .strict(),
  /**
   * Read a case exported as JSON (by this or an older version): as a new case, or merged
   * into an existing one with duplicates recognised. All or nothing.
   */
  'cases:import': z
    .object({
      fileName: z.string().trim().min(1).max(500),
      dataBase64: z
        .string()
        .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, { message: 'the file is larger than 50 MB' }),
      intoCaseId: IdSchema.nullable().default(null),
    })
    .strict(),

  /** What undo and redo would do now. */
  'edit:state': z.object({}).strict(),
  /** Undo the last edit made in this session. */
  'edit:undo': z.object({}).strict(),
  /** Redo the last undone edit. */
  'edit:redo': z.object({}).strict(),

  /**
   * Whether the store opened, and if not why (its files are damaged), with the backups there
   * are to go back to. The app asks first; while `damaged`, every other call is refused.
   */
  'recovery:status': z.object({}).strict(),
  /**
   * Only while the store is damaged: move the damaged files aside under a new name, put the
   * backup `file` (a name from `recovery:status`) in their place and open the store.
   */
  'recovery:restore': z
    .object({
      file: z
        .string()
        .max(200)
        .regex(/^claimdesk-[0-9A-Za-z.-]+\.json$/, { message: 'must name a Claimdesk backup' }),
    })
    .strict(),
  /** Only while the store is damaged: move the damaged files aside and start an empty store. */
  'recovery:startEmpty': z.object({}).strict(),
} satisfies Record<Channel, z.ZodType>;

export interface AppInfo {
  version: string;
  /** Which shell serves this backend. */
  host: 'desktop' | 'web';
  dataDir: string;
  schemaVersion: number;
}

export interface CaseSummary extends Case {
  documentCount: number;
  claimCount: number;
}

export interface DocumentWithText {
  document: ClaimDocument;
  text: string;
}

export interface ExtractedFile {
  format: SourceFormat;
  text: string;
  meta: { title: string; author: string; outlet: string; url: string; publishedAt: string };
  warnings: string[];
  /** The document in this case with the very same text, if any. */
  duplicateOf: ClaimDocument | null;
  /** Documents in this case with the same URL or title but other text: earlier versions. */
  versionCandidates: ClaimDocument[];
}

export interface CreatedDocument {
  document: ClaimDocument;
  /** With `versionOf`: claims moved to the new snapshot, and claims left for review. */
  reanchored: number;
  orphaned: number;
}

/** A claim with where it came from, for pages that span documents and cases. */
export interface ClaimInContext {
  claim: Claim;
  documentTitle: string;
  caseTitle: string;
  /** How the entity figures in the claim. */
  role: 'speaker' | 'intermediary' | 'outlet';
}

export interface EntityProfile {
  entity: Entity;
  claims: ClaimInContext[];
}

/** A file made by the backend, for the shell to save (desktop) or download (browser). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

export interface ImportedCase {
  caseId: string;
  /** Records added, and records recognised as already there (merge only). */
  added: { documents: number; claims: number; entities: number; links: number; judgments: number };
  merged: { documents: number; claims: number; entities: number };
}

export interface EditState {
  undo: string | null;
  redo: string | null;
}

/** What undo or redo did: the label of the edit, and the case it touched. */
export interface EditOutcome {
  label: string;
  caseId: string | null;
  state: EditState;
}

/** One backup of the store, as the recovery screen lists it. */
export interface BackupSummary {
  /** Its file name in the data dir's backups/ folder: what `recovery:restore` takes. */
  file: string;
  /** When it was made, ISO 8601. */
  date: string;
  /** In bytes. */
  size: number;
  cases: number;
  documents: number;
  claims: number;
  /** False when it does not read as a Claimdesk store: listed, not restorable. */
  usable: boolean;
}

export interface RecoveryStatus {
  /** True when the store's files are damaged and the app runs only the recovery calls. */
  damaged: boolean;
  /** What is wrong, in words a user can act on; '' when the store is fine. */
  problem: string;
  /** The damaged file (full path); '' when the store is fine. */
  file: string;
  /** Newest first. */
  backups: BackupSummary[];
}

/** What each channel returns on success. */
export interface Outputs {
  'app:info': AppInfo;
  'cases:list': CaseSummary[];
  'cases:create': Case;
  'documents:list': ClaimDocument[];
  'documents:get': DocumentWithText;
  'documents:extract': ExtractedFile;
  'documents:create': CreatedDocument;
  'claims:list': Claim[];
  'claims:create': Claim;
  'claims:update': Claim;
  'claims:delete': { claimId: string };
  'claims:reattach': Claim;
  'claims:history': HistoryEntry[];
  'entities:list': Entity[];
  'entities:create': Entity;
  'entities:update': Entity;
  'entities:merge': Entity;
  'entities:profile': EntityProfile;
  'links:list': EvidenceLink[];
  'links:create': EvidenceLink;
  'links:update': EvidenceLink;
  'links:delete': { linkId: string };
  'judgments:list': Judgment[];
  'judgments:create': Judgment;
  'judgments:update': Judgment;
  'judgments:delete': { judgmentId: string };
  'briefings:list': Briefing[];
  'briefings:create': Briefing;
  'briefings:update': Briefing;
  'briefings:delete': { briefingId: string };
  'briefings:export': ExportedFile;
  'cases:export': ExportedFile;
  'cases:import': ImportedCase;
  'edit:state': EditState;
  'edit:undo': EditOutcome;
  'edit:redo': EditOutcome;
  'recovery:status': RecoveryStatus;
  'recovery:restore': { restored: true };
  'recovery:startEmpty': { restored: true };
}

// A channel without a result type, or a result type without a channel, fails here.
type ChannelsWithoutOutput = Exclude<Channel, keyof Outputs>;
type OutputsWithoutChannel = Exclude<keyof Outputs, Channel>;
const outputsComplete: [ChannelsWithoutOutput, OutputsWithoutChannel] extends [never, never]
  ? true
  : false = true;
void outputsComplete;

/** What a caller passes (fields with defaults may be left out). */
export type Input<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type Output<C extends Channel> = Outputs[C];
