/**
 * Turns the selected passage into a claim. The quote is the selection; everything else
 * (wording, kind, speaker, chain, cue, dates, tags) is optional and reachable by Tab.
 * Enter in the reader creates the claim at once; Ctrl/Cmd+Enter does it from here.
 */
import { useState } from 'react';
import type { ClaimDocument } from '../../../shared/domain/schemas';
import { useAppStore } from '../store';
import type { PendingSelection } from '../store/uiSlice';
import { AttributionFields } from './AttributionFields';
import { changesOf, newDraft, type ClaimDraft } from './claimDraft';
import { KindSelect } from './KindSelect';
import { TagInput } from './TagInput';

const PREVIEW_LIMIT = 400;

interface Props {
  selection: PendingSelection;
  document: ClaimDocument;
  knownTags: readonly string[];
}

export function CapturePanel({ selection, document, knownTags }: Props) {
  const createClaim = useAppStore((s) => s.createClaimFromSelection);
  const setSelection = useAppStore((s) => s.setSelection);
  const [draft, setDraft] = useState<ClaimDraft>(() => newDraft(document.publishedAt));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (part: Partial<ClaimDraft>) => setDraft((d) => ({ ...d, ...part }));

  const submit = async () => {
    setBusy(true);
    const { status: _status, ...fields } = changesOf(draft);
    const failure = await createClaim({ ...fields, text: draft.text.trim() });
    setBusy(false);
    if (failure) setError(failure.message);
    else setDraft(newDraft(document.publishedAt));
  };

  const quote =
    selection.exact.length > PREVIEW_LIMIT
      ? `${selection.exact.slice(0, PREVIEW_LIMIT)}…`
      : selection.exact;

  return (
    <form
      className="capture-panel"
      aria-label="New claim"
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
            placeholder="Leave empty to use the quote"
            onChange={(e) => change({ text: e.target.value })}
          />
        </label>
        <KindSelect value={draft.kind} onChange={(kind) => change({ kind })} />
      </div>
      <AttributionFields draft={draft} onChange={change} documentOutlet={document.outlet} />
      <div className="field">
        <span className="label">Tags</span>
        <TagInput tags={draft.tags} onChange={(tags) => change({ tags })} suggestions={knownTags} />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <span className="muted hint-keys">Ctrl+Enter to create · Esc to cancel</span>
        <button type="button" onClick={() => setSelection(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Create claim
        </button>
      </div>
    </form>
  );
}
