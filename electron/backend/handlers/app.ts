import { CURRENT_SCHEMA_VERSION } from '../store/schema';
import type { HandlersFor } from './types';

export const appHandlers: HandlersFor<'app:info'> = {
  'app:info': async (_input, ctx) => ({
    version: ctx.version,
    host: ctx.host,
    dataDir: ctx.store.dir,
    schemaVersion: CURRENT_SCHEMA_VERSION,
  }),
};
