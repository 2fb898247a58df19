/**
 * A briefing note as it is rendered: everything a DOCX, PDF, Markdown or HTML export and the
 * live preview need, already worded. Saved with the note, so that reopening it shows it as
 * it was, whatever happened to the claims since.
 */
import { z } from 'zod';

const text = z.string().max(20000);

export const BriefingModelSchema = z.object({
  title: text,
  marking: text,
  author: text,
  date: text,
  bluf: text,
  judgments: z.array(
    z.object({
      statement: text,
      /** ICD 203 term, e.g. "unlikely". */
      likelihood: text,
      /** Its probability range, e.g. "20–45%". */
      range: text,
      confidence: text,
      /** Footnote numbers of every claim of its basis cited in the note, for and against. */
      notes: z.array(z.number().int()),
      /**
       * The same, by direction (issue 11): the claims that support it and those that cut
       * against it. Absent in notes saved before issue 11, which render `notes` undirected.
       */
      notesFor: z.array(z.number().int()).optional(),
      notesAgainst: z.array(z.number().int()).optional(),
      /** Claims of its basis that the note does not cite, by direction, so none is hidden. */
      uncitedFor: z.number().int().optional(),
      uncitedAgainst: z.number().int().optional(),
    }),
  ),
  actors: z.array(
    z.object({
      name: text,
      description: text,
      reliability: text,
      points: z.array(z.object({ text, note: z.number().int() })),
    }),
  ),
  claims: z.array(
    z.object({
      claimId: z.string(),
      text,
      quote: text,
      attribution: text,
      grade: text,
      score: z.number().int().nullable(),
      note: z.number().int(),
    }),
  ),
  sources: z.array(z.object({ name: text, kind: text, grade: text, label: text })),
  notes: z.array(
    z.object({
      n: z.number().int(),
      quote: text,
      speaker: text,
      outlet: text,
      document: text,
      /** The first known of the dates below; what notes saved before issue 11 show. */
      date: text,
      url: text,
      /** Speaker, intermediaries and outlet, "Chepa → Lenta.ru → the digest" (issue 11). */
      chain: text.optional(),
      /** When it was said, reported (else published) and retrieved, `YYYY-MM-DD` or empty. */
      said: text.optional(),
      reported: text.optional(),
      retrieved: text.optional(),
    }),
  ),
});
export type BriefingModel = z.infer<typeof BriefingModelSchema>;
