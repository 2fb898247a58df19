/**
 * The first calls of a start, sent before React renders (issue 9, page load). The recovery
 * check, the list of cases and the open case's first page used to go one after the other,
 * with a render of the workspace between them; the first two now go together and answer in
 * one round trip while the page draws.
 */
import type { Output } from '../../../shared/contract/channels';
import type { Result } from '../../../shared/contract/result';
import { call } from './client';

interface EarlyCalls {
  'recovery:status': Promise<Result<Output<'recovery:status'>>>;
  'cases:list': Promise<Result<Output<'cases:list'>>>;
}

let early: Partial<EarlyCalls> = {};

export function startEarlyCalls(): void {
  early = { 'recovery:status': call('recovery:status', {}), 'cases:list': call('cases:list', {}) };
}

/** The answer of an early call, taken once; undefined when it was not made or is taken. */
export function takeEarly<C extends keyof EarlyCalls>(channel: C): EarlyCalls[C] | undefined {
  const answer = early[channel];
  delete early[channel];
  return answer;
}
