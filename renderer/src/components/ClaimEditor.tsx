/** Every field of the selected claim, editable, with its history. */
import { flushSync } from 'react-dom';
import { useState } from 'react';
import type { ClaimRow } from '../../../shared/contract/channels';
import type { Claim } from '../../../shared/domain/schemas';
import { useAppStore } from '../store';
import { ChainGrades } from '../evidence/ChainGrades';
import { CredibilitySelect } from '../evidence/GradeSelect';
import { AttributionFields } from './AttributionFields';
import { ClaimHistory } from './ClaimHistory';
import { changesSince, draftOf, type ClaimDraft } from './claimDraft';
import { KindSelect, StatusSelect } from './KindSelect';
import { TagInput } from './TagInput';
import { ConflictList } from '../team/ConflictList';

interface Props {
  claim: Claim;
  document: ClaimRow['document'];
  knownTags: readonly string[];
  onClose: () => void;
}

export function ClaimEditor({ claim, document, knownTags, onClose }: Props) {
  const updateClaim = useAppStore((s) => s.updateClaim);
  // The claim as the editor opened on it: only fields changed since are saved.
  const [opened] = useState<ClaimDraft>(() => draftOf(claim));
  const [draft, setDraft] = useState<ClaimDraft>(opened);
  const [error, setError] = useState<string | null>(null);
  const change = (part: Partial<ClaimDraft>) => setDraft((d) => ({ ...d, ...part }));

  const save = async () => {
    // Saving the claim after reading its changed quote settles the quote too.
    const confirmed = claim.previousQuote === undefined ? {} : { quoteConfirmed: true as const };
    const failure = await updateClaim(claim.id, { ...changesSince(draft, opened), ...confirmed });
    if (failure) setError(failure.message);
    // Drawn at once, with the claim the edit returned: left to React's scheduler, the card
    // waited behind the answers and frames that came meanwhile (issue 9, Save → card).
    else flushSync(onClose);
  };

  return (
    <form
      className="claim-editor"
      aria-label="Edit claim"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      {claim.previousQuote !== undefined && (
        <p className="notice-inline">
          A new version changed the quote from “{claim.previousQuote}”. Saving confirms the new
          quote.
        </p>
      )}
      {/* A teammate's value for a field here lost to another: pick before editing (issue 14). */}
      <ConflictList claimId={claim.id} />
      <label className="field">
        <span className="label">Claim wording</span>
        <textarea
          value={draft.text}
          rows={3}
          autoFocus
          onChange={(e) => change({ text: e.target.value })}
        />
      </label>
      <div className="field-row two">
        <KindSelect value={draft.kind} onChange={(kind) => change({ kind })} />
        <StatusSelect value={draft.status} onChange={(status) => change({ status })} />
      </div>
      <AttributionFields draft={draft} onChange={change} documentOutlet={document?.outlet ?? ''} />
      <CredibilitySelect
        label="Information credibility"
        value={draft.credibility}
        onChange={(credibility) => change({ credibility })}
      />
      <ChainGrades draft={draft} onChange={change} outletId={document?.outletId ?? null} />
      <div className="field">
        <span className="label">Tags</span>
        <TagInput tags={draft.tags} onChange={(tags) => change({ tags })} suggestions={knownTags} />
      </div>
      <label className="field">
        <span className="label">Notes</span>
        <textarea
          value={draft.notes}
          rows={2}
          onChange={(e) => change({ notes: e.target.value })}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
      <details>
        <summary>History</summary>
        <ClaimHistory claimId={claim.id} version={claim.updatedAt} />
      </details>
    </form>
  );
}
