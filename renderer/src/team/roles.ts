/** The roles of a team case, for the role selects. */
import type { TeamRoleName } from '../../../shared/contract/channels';

export type { TeamRoleName };

/**
 * The contract's list is a value of a zod module, kept out of the UI (lint rule); this copy is
 * checked against the contract's type both ways.
 */
export const TEAM_ROLES = ['reader', 'analyst', 'owner'] as const satisfies readonly TeamRoleName[];
type Missing = Exclude<TeamRoleName, (typeof TEAM_ROLES)[number]>;
const complete: Missing extends never ? true : false = true;
void complete;

export const isRole = (value: string): value is TeamRoleName =>
  (TEAM_ROLES as readonly string[]).includes(value);
