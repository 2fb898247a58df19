/** One claim in the list: its wording, its quote and where it came from; edit and delete. */
import { useState } from 'react';
import type { Claim } from '../../../shared/domain/schemas';
import { documentsSelectors, useAppStore } from '../store';

interface Props {
  claim: Claim;
  selected: boolean;
}

export function ClaimCard({ claim, selected }: Props) {
  const document = useAppStore(documentsSelectors.documentById(claim.documentId));
  const selectClaim = useAppStore((s) => s.selectClaim);
  const updateClaim = useAppStore((s) => s.updateClaim);
  const deleteClaim = useAppStore((s) => s.deleteClaim);
  const notify = useAppStore((s) => s.notify);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(claim.text);

  const save = async () => {
    const error = await updateClaim(claim.id, draft);
    if (error) notify('error', error.message);
    else setEditing(false);
  };

  const remove = async () => {
    const error = await deleteClaim(claim.id);
    if (error) notify('error', error.message);
  };

  return (
    <li
      className={`claim-card${selected ? ' selected' : ''}`}
      data-claim-id={claim.id}
      aria-current={selected ? 'true' : undefined}
    >
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <textarea
            aria-label="Claim wording"
            value={draft}
            rows={3}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            }}
          />
          <div className="actions">
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="claim-open"
          onClick={() => void selectClaim(claim.id, true)}
        >
          <span className="claim-text">{claim.text}</span>
          <q className="claim-quote">{claim.anchor.exact}</q>
          <span className="claim-source">{document?.title ?? 'Unknown document'}</span>
        </button>
      )}
      {selected && !editing && (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setDraft(claim.text);
              setEditing(true);
            }}
          >
            Edit
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
