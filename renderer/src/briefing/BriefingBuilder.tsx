/** The note's fields, judgments and claims; every change is saved as it is made. */
import { useMemo, useState } from 'react';
import type { Briefing } from '../../../shared/domain/schemas';
import { likelihoodInfo } from '../../../shared/grading/scales';
import { listSelectors, useAppStore } from '../store';
import type { BriefingChange } from '../store/briefingsSlice';
import { ClaimPicker } from '../evidence/ClaimPicker';
import { ClaimOrder } from './ClaimOrder';

function TextField({
  label,
  value,
  onSave,
  multiline = false,
  type = 'text',
}: {
  label: string;
  value: string;
  onSave: (value: string) => void;
  multiline?: boolean;
  type?: string;
}) {
  const [draft, setDraft] = useState(value);
  const commit = () => {
    if (draft !== value) onSave(draft);
  };
  return (
    <label className="field">
      <span className="label">{label}</span>
      {multiline ? (
        <textarea
          value={draft}
          rows={3}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
        />
      ) : (
        <input
          type={type}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </label>
  );
}

/** Claims of the list offered to add with one click. */
const LISTED = 100;

export function BriefingBuilder({ note }: { note: Briefing }) {
  const claimCache = useAppStore((s) => s.claimCache);
  const judgments = useAppStore((s) => s.judgments);
  const updateBriefing = useAppStore((s) => s.updateBriefing);
  const notify = useAppStore((s) => s.notify);
  const save = async (change: BriefingChange) => {
    const failure = await updateBriefing(note.id, change);
    if (failure) notify('error', failure.message);
  };
  const add = (claimId: string) =>
    void save((current) => ({
      claimIds: [...current.claimIds.filter((id) => id !== claimId), claimId],
    }));
  // The claims of the list at hand (its search and filters) not in the note yet; the
  // picker above finds any other.
  const list = useAppStore(listSelectors.list);
  const outside = useMemo(() => {
    const inNote = new Set(note.claimIds);
    return Object.keys(list.pages)
      .map(Number)
      .sort((a, b) => a - b)
      .flatMap((p) => list.pages[p] ?? [])
      .map((r) => r.claim)
      .filter((c) => !inNote.has(c.id))
      .slice(0, LISTED);
  }, [list.pages, note.claimIds]);
  const everyClaimListed = list.matched === list.total && list.total <= LISTED;
  // The claim as it is now, else as the note last saved it (while it loads).
  const text = (id: string) =>
    claimCache[id]?.claim.text ?? note.saved?.claims.find((c) => c.claimId === id)?.text;

  return (
    <div className="briefing-builder" aria-label="Briefing builder">
      <TextField label="Title" value={note.title} onSave={(title) => void save({ title })} />
      <TextField
        label="Handling marking"
        value={note.marking}
        onSave={(marking) => void save({ marking })}
      />
      <div className="field-row two">
        <TextField label="Author" value={note.author} onSave={(author) => void save({ author })} />
        <TextField
          label="Date"
          type="date"
          value={note.date}
          onSave={(date) => void save({ date })}
        />
      </div>
      <TextField
        label="Bottom line up front"
        multiline
        value={note.bluf}
        onSave={(bluf) => void save({ bluf })}
      />
      <fieldset className="choose-judgments">
        <legend>Key judgments</legend>
        {judgments.length === 0 && <p className="muted">This case has no key judgments yet.</p>}
        {judgments.map((j) => (
          <label key={j.id} className="radio">
            <input
              type="checkbox"
              checked={note.judgmentIds.includes(j.id)}
              onChange={(e) => {
                const checked = e.target.checked;
                // Kept in the case's order of judgments, whatever order they were ticked in.
                void save((current) => ({
                  judgmentIds: checked
                    ? judgments
                        .filter((x) => x.id === j.id || current.judgmentIds.includes(x.id))
                        .map((x) => x.id)
                    : current.judgmentIds.filter((id) => id !== j.id),
                }));
              }}
            />
            {j.statement} <span className="muted">({likelihoodInfo(j.likelihood).term})</span>
          </label>
        ))}
      </fieldset>
      <h3>Claims in the note</h3>
      <ClaimOrder
        ids={note.claimIds}
        text={text}
        onChange={(edit) => save((current) => ({ claimIds: edit(current.claimIds) }))}
      />
      <div className="add-claims">
        <ClaimPicker
          label="Add a claim to the note"
          exclude={note.claimIds}
          onPick={(claim) => add(claim.id)}
        />
      </div>
      {outside.length > 0 && (
        <details>
          <summary>
            {everyClaimListed
              ? `Add claims (${outside.length} not in the note)`
              : `Add claims from the list (${outside.length} shown)`}
          </summary>
          <ul className="add-claims">
            {outside.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  aria-label={`Add to the note: ${c.text}`}
                  onClick={() => add(c.id)}
                >
                  Add
                </button>{' '}
                {c.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
