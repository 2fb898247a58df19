/** Case export and import (issue 5). Being written; see the exchange/ folder. */
import { CallFailure } from '../../../shared/contract/result';
import type { HandlersFor } from './types';

export const exchangeHandlers: HandlersFor<'cases:export' | 'cases:import'> = {
  'cases:export': async () => {
    throw new CallFailure('internal', 'Case export is not available yet.');
  },
  'cases:import': async () => {
    throw new CallFailure('internal', 'Case import is not available yet.');
  },
};
