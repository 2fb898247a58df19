/** People and organisations: shared by every case. */
import { z } from 'zod';
import {
  EntityKindSchema,
  IdSchema,
  ReliabilitySchema,
  type Claim,
  type Entity,
} from '../../domain/schemas';
import { title, windowFields } from '../fields';

const entityFields = {
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  role: z.string().trim().max(300).optional(),
  affiliation: z.string().trim().max(300).optional(),
  notes: z.string().max(5000).optional(),
  reliability: ReliabilitySchema.optional(),
};

export const entityInputs = {
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
  /**
   * A speaker page: the entity and a window of everything it said or carried, across all
   * cases, in the order of when it was said.
   */
  'entities:profile': z.object({ entityId: IdSchema, ...windowFields }).strict(),
} as const;

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
  /** Claims it figures in, all told. */
  total: number;
  offset: number;
  claims: ClaimInContext[];
}
