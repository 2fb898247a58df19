/**
 * The one contract between the UI and the backend (DESIGN.md, "One typed contract").
 * Every call is named once as `domain:verb`, with its input as a zod schema and its result
 * type, in the file of its domain (./domains). The backend implements it as one handler
 * map, the Electron preload exposes one function per channel, and the web host serves the
 * same map over HTTP.
 */
import type { z } from 'zod';
import type {
  Briefing,
  Case,
  Claim,
  ClaimDocument,
  Entity,
  EvidenceLink,
  HistoryEntry,
  Judgment,
} from '../domain/schemas';
import type { ChangeSet } from './changes';
import type { Channel } from './channelNames';
import { appInputs, type AppInfo } from './domains/app';
import { briefingInputs, type ExportedFile } from './domains/briefings';
import { caseInputs, type CaseSummary } from './domains/cases';
import {
  claimInputs,
  type ClaimFacets,
  type ClaimPage,
  type ClaimRow,
  type Highlight,
} from './domains/claims';
import {
  documentInputs,
  type CreatedDocument,
  type DocumentPage,
  type DocumentWithText,
  type ExtractedFile,
} from './domains/documents';
import { editInputs, type EditOutcome, type EditState } from './domains/edits';
import { entityInputs, type EntityProfile } from './domains/entities';
import {
  evidenceInputs,
  type ClaimEvidence,
  type EvidenceGraph,
  type JudgmentView,
} from './domains/evidence';
import { exchangeInputs, type JobStarted, type JobStatus } from './domains/exchange';
import { recoveryInputs, type Repaired, type RecoveryStatus } from './domains/recovery';
import {
  teamInputs,
  type TeamAvailableCase,
  type TeamCaseStatus,
  type TeamConflictView,
  type TeamMemberView,
} from './domains/team';
import {
  suggestionInputs,
  type AcceptedSuggestions,
  type RejectedSuggestions,
  type SuggestionList,
} from './domains/suggestions';

export { CHANNELS, isChannel, type Channel } from './channelNames';
export { MAX_DOCUMENT_LENGTH, MAX_IMPORT_BYTES } from './limits';
export type * from './domains/app';
export type * from './domains/briefings';
export type * from './domains/cases';
export type * from './domains/claims';
export type * from './domains/documents';
export type * from './domains/edits';
export type * from './domains/entities';
export type * from './domains/evidence';
export type * from './domains/exchange';
export type * from './domains/recovery';
export type * from './domains/suggestions';
export type * from './domains/team';
export type { ChangeSet } from './changes';

export const inputSchemas = {
  ...appInputs,
  ...caseInputs,
  ...documentInputs,
  ...claimInputs,
  ...suggestionInputs,
  ...entityInputs,
  ...evidenceInputs,
  ...briefingInputs,
  ...exchangeInputs,
  ...editInputs,
  ...recoveryInputs,
  ...teamInputs,
} satisfies Record<Channel, z.ZodType>;

// A channel without an input schema, or a schema without a channel, fails here.
type SchemasWithoutChannel = Exclude<keyof typeof inputSchemas, Channel>;
const schemasComplete: [SchemasWithoutChannel] extends [never] ? true : false = true;
void schemasComplete;

/** What each channel returns on success. */
export interface Outputs {
  'app:info': AppInfo;
  'changes:since': ChangeSet;
  'cases:list': CaseSummary[];
  'cases:create': Case;
  'documents:list': ClaimDocument[];
  'documents:query': DocumentPage;
  'documents:get': DocumentWithText;
  'documents:extract': ExtractedFile;
  'documents:create': CreatedDocument;
  'claims:list': Claim[];
  'claims:query': ClaimPage;
  'claims:get': ClaimRow[];
  'claims:locate': { index: number | null };
  'claims:facets': ClaimFacets;
  'claims:ofDocument': Highlight[];
  'claims:orphans': ClaimRow[];
  'claims:create': Claim;
  'claims:update': Claim;
  'claims:delete': { claimId: string };
  'claims:reattach': Claim;
  'claims:history': HistoryEntry[];
  'suggestions:list': SuggestionList;
  'suggestions:accept': AcceptedSuggestions;
  'suggestions:acceptAll': AcceptedSuggestions;
  'suggestions:reject': RejectedSuggestions;
  'entities:list': Entity[];
  'entities:create': Entity;
  'entities:update': Entity;
  'entities:merge': Entity;
  'entities:profile': EntityProfile;
  'links:list': EvidenceLink[];
  'links:create': EvidenceLink;
  'links:update': EvidenceLink;
  'links:delete': { linkId: string };
  'evidence:ofClaim': ClaimEvidence;
  'evidence:graph': EvidenceGraph;
  'judgments:list': JudgmentView[];
  'judgments:create': Judgment;
  'judgments:update': Judgment;
  'judgments:delete': { judgmentId: string };
  'briefings:list': Briefing[];
  'briefings:create': Briefing;
  'briefings:update': Briefing;
  'briefings:delete': { briefingId: string };
  'briefings:export': ExportedFile;
  'cases:export': JobStarted;
  'cases:import': JobStarted;
  'jobs:status': JobStatus;
  'jobs:wait': JobStatus;
  'jobs:cancel': JobStatus;
  'edit:state': EditState;
  'edit:undo': EditOutcome;
  'edit:redo': EditOutcome;
  'recovery:status': RecoveryStatus;
  'recovery:restore': Repaired;
  'recovery:startEmpty': Repaired;
  'team:status': TeamCaseStatus[];
  'team:available': TeamAvailableCase[];
  'team:share': TeamCaseStatus;
  'team:join': TeamCaseStatus;
  'team:leave': { caseId: string };
  'team:pause': TeamCaseStatus;
  'team:sync': TeamCaseStatus;
  'team:members': TeamMemberView[];
  'team:setMember': TeamMemberView[];
  'team:removeMember': TeamMemberView[];
  'team:conflicts': TeamConflictView[];
  'team:resolve': TeamConflictView[];
}

// A channel without a result type, or a result type without a channel, fails here.
type ChannelsWithoutOutput = Exclude<Channel, keyof Outputs>;
type OutputsWithoutChannel = Exclude<keyof Outputs, Channel>;
const outputsComplete: [ChannelsWithoutOutput, OutputsWithoutChannel] extends [never, never]
  ? true
  : false = true;
void outputsComplete;

/** What a caller passes (fields with defaults may be left out). */
export type Input<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type Output<C extends Channel> = Outputs[C];
