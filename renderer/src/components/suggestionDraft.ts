/**
 * A suggested claim (issue 13) as the capture panel's draft, and the draft back as the edits
 * `suggestions:accept` takes. People and outlets the suggestion would add stand in the draft
 * under temporary ids (`new:…`, never a real id) until the claim is accepted.
 */
import type {
  EntityChoice,
  ProposedEntity,
  SuggestionView,
} from '../../../shared/contract/channels';
import type { SuggestionEdits } from '../store/suggestionsSlice';
import { newDraft, type ClaimDraft } from './claimDraft';

const NEW = 'new:';

export function draftFromSuggestion(view: SuggestionView, reportedOn: string): ClaimDraft {
  const proposed: Record<string, ProposedEntity> = {};
  const idOf = (entity: ProposedEntity, slot: string) => {
    if (entity.entityId) return entity.entityId;
    proposed[`${NEW}${slot}`] = entity;
    return `${NEW}${slot}`;
  };
  return {
    ...newDraft(reportedOn),
    kind: view.kind,
    speakerId: view.speaker ? idOf(view.speaker, 'speaker') : null,
    via: view.via.map((v, i) => idOf(v, `via-${i}`)),
    cue: view.cue ?? '',
    saidOn: view.saidOn ?? '',
    proposed,
  };
}

/** The new people and outlets the draft still names, by temporary id. */
export const proposedIn = (draft: ClaimDraft): [string, ProposedEntity][] =>
  Object.entries(draft.proposed ?? {}).filter(
    ([id]) => draft.speakerId === id || draft.via.includes(id),
  );

export function editsOf(draft: ClaimDraft): SuggestionEdits {
  const choice = (id: string): EntityChoice => {
    const entity = draft.proposed?.[id];
    if (!entity) return { entityId: id };
    const role = entity.role.trim();
    return { name: entity.name, kind: entity.kind, ...(role ? { role } : {}) };
  };
  return {
    text: draft.text.trim(),
    ...(draft.kind === 'auto' ? {} : { kind: draft.kind }),
    speaker: draft.speakerId ? choice(draft.speakerId) : null,
    via: draft.via.map(choice),
    cue: draft.cue.trim(),
    saidOn: draft.saidOn,
    reportedOn: draft.reportedOn,
    status: draft.status,
    tags: draft.tags,
    notes: draft.notes,
    credibility: draft.credibility,
  };
}
