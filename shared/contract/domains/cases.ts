/** Cases: the workspaces, one question each. */
import { z } from 'zod';
import type { Case } from '../../domain/schemas';
import { title } from '../fields';

export const caseInputs = {
  /** All cases, newest first, with counts. */
  'cases:list': z.object({}).strict(),
  /** Create an empty case. */
  'cases:create': z
    .object({ title: title(300), question: z.string().trim().max(2000).default('') })
    .strict(),
} as const;

export interface CaseSummary extends Case {
  documentCount: number;
  claimCount: number;
}
