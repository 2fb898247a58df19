/**
 * Turns the selected passage into a claim. The quote is the selection; the analyst may
 * write the claim in their own words (left empty, the quote is used).
 * Enter in the reader creates the claim at once; Ctrl/Cmd+Enter does it from here.
 */
import { useState } from 'react';
import type { PendingSelection } from '../store/uiSlice';
import { useAppStore } from '../store';

const PREVIEW_LIMIT = 400;

export function CapturePanel({ selection }: { selection: PendingSelection }) {
  const createClaim = useAppStore((s) => s.createClaimFromSelection);
  const setSelection = useAppStore((s) => s.setSelection);
  const [wording, setWording] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    const failure = await createClaim(wording);
    setBusy(false);
    if (failure) setError(failure.message);
    else setWording('');
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
      }}
    >
      <div className="capture-quote">
        <span className="label">Quote</span>
        <blockquote>{quote}</blockquote>
      </div>
      <label className="field">
        <span className="label">Claim, in your words (optional)</span>
        <textarea
          value={wording}
          rows={2}
          placeholder="Leave empty to use the quote"
          onChange={(e) => setWording(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
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
