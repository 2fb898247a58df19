/**
 * The sample case a first start opens on (data/sample-case.json). It is loaded through the
 * same contract calls a user's edits go through, so it is validated like any input.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Dispatch } from './dispatch';

const SampleSchema = z.object({
  case: z.object({ title: z.string(), question: z.string() }),
  documents: z.array(
    z.object({
      title: z.string(),
      outlet: z.string(),
      url: z.string(),
      publishedAt: z.string(),
      text: z.string(),
      claims: z.array(z.object({ quote: z.string(), text: z.string() })),
    }),
  ),
});

async function expectOk(dispatch: Dispatch, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(channel, input);
  if (!result.ok) throw new Error(`sample case: ${channel} failed: ${result.error.message}`);
  return result.value;
}

const IdOnly = z.object({ id: z.string() });

export async function seedSampleCase(dispatch: Dispatch, file: string): Promise<void> {
  const sample = SampleSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const created = IdOnly.parse(await expectOk(dispatch, 'cases:create', sample.case));
  for (const doc of sample.documents) {
    const { claims, ...fields } = doc;
    const document = IdOnly.parse(
      await expectOk(dispatch, 'documents:create', { ...fields, caseId: created.id }),
    );
    for (const claim of claims) {
      const start = doc.text.indexOf(claim.quote);
      if (start < 0) throw new Error(`sample case: quote not found: ${claim.quote}`);
      await expectOk(dispatch, 'claims:create', {
        documentId: document.id,
        start,
        end: start + claim.quote.length,
        exact: claim.quote,
        text: claim.text,
      });
    }
  }
}
