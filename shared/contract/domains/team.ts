/** Team cases on PostgreSQL (issue 14): share, join, sync state, members, conflicts. */
import { z } from 'zod';
import { IdSchema } from '../../domain/schemas';

/**
 * A PostgreSQL connection string (postgresql://user:password@host:port/database?sslmode=...).
 * Kept in the keychain (desktop) or a file only the analyst can read (web host), never in a
 * case file or a log.
 */
const ConnectionSchema = z
  .string()
  .trim()
  .min(1, { message: 'is empty: paste the connection string of the team database' })
  .max(2000)
  .regex(/^postgres(ql)?:\/\//, {
    message: 'must be a PostgreSQL connection string (postgresql://user:password@host/database)',
  });

const CaseRef = { caseId: IdSchema };
export const TEAM_ROLES = ['reader', 'analyst', 'owner'] as const;
const RoleSchema = z.enum(TEAM_ROLES);
/** A PostgreSQL role name, as the administrator created it. */
const MemberSchema = z
  .string()
  .trim()
  .min(1)
  .max(63)
  .regex(/^[A-Za-z_][A-Za-z0-9_$.-]*$/, { message: 'must be a database login name' });

export const teamInputs = {
  /** The sync state of every shared case on this desk. */
  'team:status': z.object({}).strict(),
  /** The cases of a team database this analyst is a member of, to join one. */
  'team:available': z.object({ connection: ConnectionSchema }).strict(),
  /** Shares a local case to a team database; the analyst becomes its owner there. */
  'team:share': z.object({ ...CaseRef, connection: ConnectionSchema }).strict(),
  /** Joins a case of a team database: its records come to this desk and stay in sync. */
  'team:join': z.object({ ...CaseRef, connection: ConnectionSchema }).strict(),
  /** Stops syncing a case on this desk; the local copy and the team database stay. */
  'team:leave': z.object(CaseRef).strict(),
  /** Works offline on purpose (paused) or goes back online. */
  'team:pause': z.object({ ...CaseRef, paused: z.boolean() }).strict(),
  /** Runs a round of sync now and answers once it is done. */
  'team:sync': z.object(CaseRef).strict(),
  'team:members': z.object(CaseRef).strict(),
  /** Adds a member or changes their role (owners only: the database refuses others). */
  'team:setMember': z.object({ ...CaseRef, member: MemberSchema, role: RoleSchema }).strict(),
  'team:removeMember': z.object({ ...CaseRef, member: MemberSchema }).strict(),
  /** The case's open conflicts. */
  'team:conflicts': z.object(CaseRef).strict(),
  /**
   * Resolves a conflict: `kept` leaves the record as the team database has it; `proposed`
   * applies the value that lost (an ordinary edit here, undoable, then pushed).
   */
  'team:resolve': z
    .object({
      ...CaseRef,
      conflictId: z.number().int().positive(),
      choice: z.enum(['kept', 'proposed']),
    })
    .strict(),
} as const;

export type TeamRoleName = (typeof TEAM_ROLES)[number];

export type TeamSyncState =
  'synced' | 'waiting' | 'syncing' | 'offline' | 'conflict' | 'paused' | 'refused' | 'error';

export interface TeamCaseStatus {
  caseId: string;
  /** The database as shown to the analyst: login, host, database name (no password). */
  database: string;
  /** This analyst's role in the case, once known. */
  role: TeamRoleName | null;
  state: TeamSyncState;
  /** Records edited here not yet in the team database. */
  waiting: number;
  conflicts: number;
  lastSyncedAt: string | null;
  /** What went wrong and what to do; null when nothing did. */
  message: string | null;
}

export interface TeamAvailableCase {
  caseId: string;
  title: string;
  role: TeamRoleName;
  /** True when this desk has the case already. */
  joined: boolean;
}

export interface TeamMemberView {
  member: string;
  role: TeamRoleName;
  addedBy: string;
  addedAt: string;
}

export interface TeamConflictView {
  id: number;
  collection: string;
  recordId: string;
  /** The claim it concerns, when the record is a claim (the list is shown on the claim). */
  claimId: string | null;
  kind: 'fields' | 'deleted-edited' | 'edited-deleted';
  /** The fields both sides changed. */
  fields: string[];
  /** What the team database kept, per field as short text (or the record's state). */
  kept: Record<string, string>;
  /** What lost, per field as short text. */
  proposed: Record<string, string>;
  proposedBy: string;
  createdAt: string;
}
