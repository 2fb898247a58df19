/** The complete handler map: one entry per contract channel, checked by `satisfies`. */
import { appHandlers } from './app';
import { briefingHandlers } from './briefings';
import { caseHandlers } from './cases';
import { claimQueryHandlers } from './claimQueries';
import { claimHandlers } from './claims';
import { documentHandlers } from './documents';
import { editHandlers } from './edits';
import { evidenceHandlers } from './evidence';
import { exchangeHandlers } from './exchange';
import { entityHandlers } from './entities';
import { judgmentHandlers } from './judgments';
import { linkHandlers } from './links';
import { recoveryHandlers } from './recovery';
import { suggestionHandlers } from './suggestions';
import { teamHandlers } from './team';
import type { Handlers } from './types';

export const handlers = {
  ...appHandlers,
  ...caseHandlers,
  ...documentHandlers,
  ...claimHandlers,
  ...claimQueryHandlers,
  ...suggestionHandlers,
  ...entityHandlers,
  ...linkHandlers,
  ...evidenceHandlers,
  ...judgmentHandlers,
  ...editHandlers,
  ...briefingHandlers,
  ...exchangeHandlers,
  ...recoveryHandlers,
  ...teamHandlers,
} satisfies Handlers;
