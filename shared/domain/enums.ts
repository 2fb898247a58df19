/**
 * The domain's enumerations, as plain constants: the renderer imports these (and the types)
 * without pulling in the validation library (issue 9: "enums the renderer needs in a module
 * without zod"). schemas.ts builds its zod enums from them.
 */
export const SOURCE_FORMATS = ['paste', 'txt', 'md', 'html', 'pdf', 'docx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const ENTITY_KINDS = [
  'person',
  'outlet',
  'government',
  'organisation',
  'company',
  'other',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const CLAIM_KINDS = [
  'direct_quote',
  'indirect_speech',
  'reported',
  'unattributed',
  'inference',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_STATUSES = ['unverified', 'corroborated', 'disputed', 'refuted'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const LINK_RELATIONS = ['supports', 'contradicts', 'context', 'same_claim'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];
