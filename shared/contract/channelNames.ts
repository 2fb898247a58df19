/**
 * The names of every contract call, with no schema attached, so that the preload can list
 * them without bundling the validation library. `channels.ts` checks that each name has
 * exactly one input schema and one result type.
 */
export const CHANNELS = [
  'app:info',
  'changes:since',
  'cases:list',
  'cases:create',
  'documents:list',
  'documents:query',
  'documents:get',
  'documents:extract',
  'documents:create',
  'claims:list',
  'claims:query',
  'claims:get',
  'claims:locate',
  'claims:facets',
  'claims:ofDocument',
  'claims:orphans',
  'claims:create',
  'claims:update',
  'claims:delete',
  'claims:reattach',
  'claims:history',
  'entities:list',
  'entities:create',
  'entities:update',
  'entities:merge',
  'entities:profile',
  'links:list',
  'links:create',
  'links:update',
  'links:delete',
  'evidence:ofClaim',
  'evidence:graph',
  'judgments:list',
  'judgments:create',
  'judgments:update',
  'judgments:delete',
  'briefings:list',
  'briefings:create',
  'briefings:update',
  'briefings:delete',
  'briefings:export',
  'cases:export',
  'cases:import',
  'jobs:status',
  'jobs:wait',
  'jobs:cancel',
  'edit:state',
  'edit:undo',
  'edit:redo',
  'recovery:status',
  'recovery:restore',
  'recovery:startEmpty',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const isChannel = (name: string): name is Channel =>
  (CHANNELS as readonly string[]).includes(name);
