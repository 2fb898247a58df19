/**
 * The domain records as they are stored and as they cross the contract.
 * One zod schema per record; the TypeScript types are inferred from them so the
 * validation at the boundary and the types the code is written against cannot drift.
 */
import { z } from 'zod';

/** Ids are opaque strings minted by the backend. */
export const IdSchema = z.string().min(1).max(64);

/** An ISO 8601 timestamp (UTC) or calendar date, as written by the backend. */
export const TimestampSchema = z.iso.datetime();

/** A case: the workspace for one question. */
export const CaseSchema = z.object({
  id: IdSchema,
  title: z.string().min(1).max(300),
  question: z.string().max(2000).default(''),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Case = z.infer<typeof CaseSchema>;

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
  /** The date the source was published, `YYYY-MM-DD`, or empty when unknown. */
  publishedAt: z.string().max(10).default(''),
  format: z.enum(['paste']),
  /** sha256 of the UTF-8 text, hex. Names the file that holds the text. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Length of the text in UTF-16 code units (what JavaScript offsets count). */
  textLength: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
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

/** One proposition: the analyst's own wording plus the quote it came from. */
export const ClaimSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  documentId: IdSchema,
  /** The claim in the analyst's words. */
  text: z.string().min(1).max(5000),
  anchor: AnchorSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;
