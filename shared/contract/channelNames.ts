/**
 * The names of every contract call, with no schema attached, so that the preload can list
 * them without bundling the validation library. `channels.ts` checks that each name has
 * exactly one input schema and one result type.
 */
export const CHANNELS = [
  'app:info',
  'cases:list',
  'cases:create',
  'documents:list',
  'documents:get',
  'documents:extract',
  'documents:create',
  'claims:list',
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
