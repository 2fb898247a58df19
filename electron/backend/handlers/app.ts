import { healthOf } from '../health';
import { CURRENT_SCHEMA_VERSION } from '../store/schema';
import type { HandlersFor } from './types';

export const appHandlers: HandlersFor<'app:info' | 'changes:since'> = {
  'app:info': async (_input, ctx) => ({
    version: ctx.version,
    host: ctx.host,
    dataDir: ctx.store.dir,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    health: healthOf(ctx.store),
  }),
  'changes:since': async ({ since, waitMs }, { ix }) => {
    if (waitMs > 0) await ix.changes.wait(since, waitMs);
    return ix.changes.since(since);
  },
};
