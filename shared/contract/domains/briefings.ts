/** Briefing notes: drafted from a case, kept as rendered, exported to files. */
import { z } from 'zod';
import { CalendarDateSchema, IdSchema } from '../../domain/schemas';
import { title } from '../fields';

export const briefingInputs = {
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
} as const;

/** A file made by the backend, for the shell to save (desktop) or download (browser). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}
