/**
 * Turns the selected passage into a claim. The quote is the selection; everything else
 * (wording, kind, speaker, chain, cue, dates, tags) is optional and reachable by Tab.
 * Enter in the reader creates the claim at once; Ctrl/Cmd+Enter does it from here.
 */
import { useState } from 'react';
import { LINK_RELATIONS, type LinkRelation } from '../../../shared/domain/enums';
import type { ClaimDocument } from '../../../shared/domain/schemas';
import { RELATION_NAMES } from '../../../shared/domain/linkLabels';
import { claimsSelectors, suggestionsSelectors, useAppStore } from '../store';
import type { PendingSelection } from '../store/uiSlice';
import { CredibilitySelect } from '../evidence/GradeSelect';
import { AttributionFields } from './AttributionFields';
import { changesOf, newDraft, type ClaimDraft } from './claimDraft';
import { KindSelect } from './KindSelect';
import { NewEntityFields } from './NewEntityFields';
import { draftFromSuggestion, editsOf } from './suggestionDraft';
import { TagInput } from './TagInput';

const PREVIEW_LIMIT = 400;

interface Props {
  selection: PendingSelection;
  document: ClaimDocument;
  knownTags: readonly string[];
}

export function CapturePanel({ selection, document, knownTags }: Props) {
  const createClaim = useAppStore((s) => s.createClaimFromSelection);
  const selectedRow = useAppStore(claimsSelectors.selectedRow);
  const justCreated = useAppStore(claimsSelectors.justCreatedClaimId);
  // A passage is evidence for another claim, never for the claim quoting that very passage,
  // nor for the claim just made from the last selection (selected by that, not by the
  // analyst: the next passage is most likely the next claim, issue 12).
  const activeClaim =
    selectedRow &&
    selectedRow.claim.id !== justCreated &&
    !(
      selectedRow.claim.documentId === selection.documentId &&
      selectedRow.claim.anchor.start < selection.end &&
      selection.start < selectedRow.claim.anchor.end
    )
      ? selectedRow.claim
      : undefined;
  const createLink = useAppStore((s) => s.createLink);
  const [relation, setRelation] = useState<LinkRelation>('supports');
  const setSelection = useAppStore((s) => s.setSelection);
  // A suggestion accepted with Enter (issue 13): the panel starts from what it proposes.
  const capturing = useAppStore(suggestionsSelectors.capturing);
  const acceptSuggestion = useAppStore((s) => s.acceptSuggestion);
  const suggestion =
    capturing && capturing.start === selection.start && capturing.end === selection.end
      ? capturing
      : null;
  const [draft, setDraft] = useState<ClaimDraft>(() =>
    suggestion
      ? draftFromSuggestion(suggestion, document.publishedAt)
      : newDraft(document.publishedAt),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (part: Partial<ClaimDraft>) => setDraft((d) => ({ ...d, ...part }));

  const submit = async () => {
    setBusy(true);
    const failure = suggestion
      ? await acceptSuggestion(suggestion.key, editsOf(draft))
      : await createClaim({ ...changesOf(draft), text: draft.text.trim() });
    setBusy(false);
    if (failure) setError(failure.message);
    else setDraft(newDraft(document.publishedAt));
  };

  /** The passage as evidence for the selected claim, instead of a claim of its own. */
  const addAsEvidence = async () => {
    if (!activeClaim) return;
    const failure = await createLink({
      fromClaimId: activeClaim.id,
      relation,
      target: { kind: 'span', ...selection },
    });
    if (failure) setError(failure.message);
    else setSelection(null);
  };

  const quote =
    selection.exact.length > PREVIEW_LIMIT
      ? `${selection.exact.slice(0, PREVIEW_LIMIT)}…`
      : selection.exact;

  return (
    <form
      className={suggestion ? 'capture-panel from-suggestion' : 'capture-panel'}
      aria-label={suggestion ? 'Accept suggested claim' : 'New claim'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setSelection(null);
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <div className="capture-quote">
        <span className="label">Quote</span>
        <blockquote>{quote}</blockquote>
      </div>
      <div className="field-row wide-narrow">
        <label className="field">
          <span className="label">Claim, in your words (optional)</span>
          <textarea
            value={draft.text}
            rows={2}
            // Opened on a suggestion from the keyboard: the wording is the next thing to write.
            autoFocus={suggestion !== null}
            placeholder="Leave empty to use the quote"
            onChange={(e) => change({ text: e.target.value })}
          />
        </label>
        <KindSelect value={draft.kind} onChange={(kind) => change({ kind })} />
      </div>
      <AttributionFields draft={draft} onChange={change} documentOutlet={document.outlet} />
      {suggestion && <NewEntityFields draft={draft} onChange={change} />}
      <div className="field-row two">
        <CredibilitySelect
          label="Information credibility"
          value={draft.credibility}
          onChange={(credibility) => change({ credibility })}
        />
        <div className="field">
          <span className="label">Tags</span>
          <TagInput
            tags={draft.tags}
            onChange={(tags) => change({ tags })}
            suggestions={knownTags}
          />
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {activeClaim && (
        <div className="as-evidence">
          <span className="label">Or use this passage as evidence: it</span>
          <select
            aria-label="Evidence relation"
            value={relation}
            onChange={(e) => setRelation(e.target.value as LinkRelation)}
          >
            {LINK_RELATIONS.filter((r) => r !== 'same_claim').map((r) => (
              <option key={r} value={r}>
                {RELATION_NAMES[r]}
              </option>
            ))}
          </select>
          <span className="muted">“{activeClaim.text}”</span>
          <button type="button" onClick={() => void addAsEvidence()}>
            Add as evidence
          </button>
        </div>
      )}
      <div className="actions">
        <span className="muted hint-keys">
          Ctrl+Enter to {suggestion ? 'accept' : 'create'} · Esc to cancel
        </span>
        <button type="button" onClick={() => setSelection(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {suggestion ? 'Accept claim' : 'Create claim'}
        </button>
      </div>
    </form>
  );
}
