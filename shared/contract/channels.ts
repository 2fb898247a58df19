/**
 * The one contract between the UI and the backend (DESIGN.md, "One typed contract").
 * Every call is named once here as `domain:verb`, with its input as a zod schema and its
 * result type. The backend implements it as one handler map, the Electron preload exposes
 * one function per channel, and the web host serves the same map over HTTP.
 */
import { z } from 'zod';
import { IdSchema, type Case, type Claim, type ClaimDocument } from '../domain/schemas';
import type { Channel } from './channelNames';

export { CHANNELS, isChannel, type Channel } from './channelNames';

const title = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

/** `YYYY-MM-DD` or empty. */
const calendarDate = z.union([
  z.literal(''),
  z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
]);

const httpUrl = z.union([
  z.literal(''),
  z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
]);

/** Upper bound for one pasted document, in UTF-16 code units (about 20 MB of text). */
export const MAX_DOCUMENT_LENGTH = 10_000_000;

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
  /** Add a document from pasted text. The text is stored as given, never edited. */
  'documents:create': z
    .object({
      caseId: IdSchema,
      title: title(500),
      text: z
        .string()
        .max(MAX_DOCUMENT_LENGTH, { message: 'is too long for one document' })
        .refine((t) => t.trim().length > 0, { message: 'must not be empty' }),
      outlet: z.string().trim().max(300).default(''),
      url: httpUrl.default(''),
      publishedAt: calendarDate.default(''),
    })
    .strict(),
  /** One document with its full text. */
  'documents:get': z.object({ documentId: IdSchema }).strict(),

  /** The claims of a case. */
  'claims:list': z.object({ caseId: IdSchema }).strict(),
  /**
   * Turn a selected passage into a claim. `start`/`end` are UTF-16 offsets into the
   * document text and `exact` is the selected text, which must match the text there.
   * An empty `text` means "use the quote as the claim's wording".
   */
  'claims:create': z
    .object({
      documentId: IdSchema,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      exact: z.string().min(1),
      text: z.string().trim().max(5000).default(''),
    })
    .strict()
    .refine((v) => v.end > v.start, { message: 'must be after start', path: ['end'] }),
  /** Reword a claim. */
  'claims:update': z.object({ claimId: IdSchema, text: title(5000) }).strict(),
  /** Delete a claim. */
  'claims:delete': z.object({ claimId: IdSchema }).strict(),
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

/** What each channel returns on success. */
export interface Outputs {
  'app:info': AppInfo;
  'cases:list': CaseSummary[];
  'cases:create': Case;
  'documents:list': ClaimDocument[];
  'documents:create': ClaimDocument;
  'documents:get': DocumentWithText;
  'claims:list': Claim[];
  'claims:create': Claim;
  'claims:update': Claim;
  'claims:delete': { claimId: string };
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
