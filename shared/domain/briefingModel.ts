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
      /** Footnote numbers of the claims it rests on. */
      notes: z.array(z.number().int()),
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
      date: text,
      url: text,
    }),
  ),
});
export type BriefingModel = z.infer<typeof BriefingModelSchema>;
