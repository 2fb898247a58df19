/**
 * The shape of the store file at the current schema version. Older files are brought here
 * by the numbered migrations in ./migrations before this schema validates them.
 */
import { z } from 'zod';
import {
  BriefingSchema,
  CaseSchema,
  ClaimSchema,
  DocumentSchema,
  EntitySchema,
  EvidenceLinkSchema,
  HistoryEntrySchema,
  JudgmentSchema,
} from '../../../shared/domain/schemas';

export const CURRENT_SCHEMA_VERSION = 6;

export const SnapshotSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  /** The last journal entry folded into this snapshot; replay skips entries up to it. */
  journalSeq: z.number().int().nonnegative(),
  cases: z.array(CaseSchema),
  documents: z.array(DocumentSchema),
  claims: z.array(ClaimSchema),
  entities: z.array(EntitySchema),
  history: z.array(HistoryEntrySchema),
  links: z.array(EvidenceLinkSchema),
  judgments: z.array(JudgmentSchema),
  briefings: z.array(BriefingSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const emptySnapshot = (): Snapshot => ({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  journalSeq: 0,
  cases: [],
  documents: [],
  claims: [],
  entities: [],
  history: [],
  links: [],
  judgments: [],
  briefings: [],
});

/** The schema of each collection's records, used to check every op before it is journaled. */
export const recordSchemas = {
  cases: CaseSchema,
  documents: DocumentSchema,
  claims: ClaimSchema,
  entities: EntitySchema,
  history: HistoryEntrySchema,
  links: EvidenceLinkSchema,
  judgments: JudgmentSchema,
  briefings: BriefingSchema,
} as const;
