/** One claim in the list: wording, quote, who said it and through whom; open to edit. */
import { memo, useState } from 'react';
import type { ClaimRow } from '../../../shared/contract/channels';
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from '../../../shared/domain/labels';
import { useAppStore } from '../store';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { ScoreBadge } from '../evidence/ScoreBadge';
import { ConflictList } from '../team/ConflictList';
import { AttributionLine } from './AttributionLine';
import { ClaimEditor } from './ClaimEditor';
import { QuoteChange } from './QuoteChange';

/** Where the card sits in the virtual list (only the rows in view are in the page). */
export interface VirtualRow {
  index: number;
  /** Offset from the top of the list, in pixels. */
  top: number;
  /** How many claims the whole list holds, for assistive technology. */
  setSize: number;
}

interface Props {
  row: ClaimRow;
  selected: boolean;
  /** An open team conflict names this claim (issue 14). */
  conflicted: boolean;
  knownTags: readonly string[];
  placement: VirtualRow;
  /** Lets the list measure the card, whose height depends on its text. */
  measureRef: (element: HTMLLIElement | null) => void;
}

/**
 * Memoized: the list re-renders when any page arrives or the window moves, and a card whose
 * row, selection and place are the same has nothing new to draw.
 */
export const ClaimCard = memo(ClaimCardView, (a, b) => {
  return (
    a.row === b.row &&
    a.selected === b.selected &&
    a.conflicted === b.conflicted &&
    a.knownTags === b.knownTags &&
    a.measureRef === b.measureRef &&
    a.placement.index === b.placement.index &&
    a.placement.top === b.placement.top &&
    a.placement.setSize === b.placement.setSize
  );
});

function ClaimCardView({ row, selected, conflicted, knownTags, placement, measureRef }: Props) {
  const { claim, score, document } = row;
  const selectClaim = useAppStore((s) => s.selectClaim);
  const deleteClaim = useAppStore((s) => s.deleteClaim);
  const notify = useAppStore((s) => s.notify);
  const [editing, setEditing] = useState(false);

  const remove = async () => {
    const error = await deleteClaim(claim.id);
    if (error) notify('error', error.message);
  };

  return (
    <li
      ref={measureRef}
      className={`claim-card kind-${claim.kind} status-${claim.status}${selected ? ' selected' : ''}${conflicted ? ' conflicted' : ''} virtual-row`}
      style={{ transform: `translateY(${placement.top}px)` }}
      data-claim-id={claim.id}
      data-index={placement.index}
      aria-posinset={placement.index + 1}
      aria-setsize={placement.setSize}
      aria-current={selected ? 'true' : undefined}
    >
      {editing && selected ? (
        <ClaimEditor
          claim={claim}
          document={document}
          knownTags={knownTags}
          onClose={() => setEditing(false)}
        />
      ) : (
        <>
          <div className="claim-head">
            <button
              type="button"
              className="claim-open"
              onClick={() => void selectClaim(claim.id, true)}
            >
              <span className="claim-text">{claim.text}</span>
              <q className="claim-quote">{claim.anchor.exact}</q>
            </button>
            {score && <ScoreBadge score={score} />}
          </div>
          <AttributionLine claim={claim} outlet={document?.outlet ?? ''} />
          <div className="badges">
            {conflicted && <span className="badge team-conflict">Conflict</span>}
            <span className={`badge kind ${claim.kind}`}>{CLAIM_KIND_LABELS[claim.kind]}</span>
            <span className={`badge status ${claim.status}`}>
              {CLAIM_STATUS_LABELS[claim.status]}
            </span>
            {claim.anchorState === 'orphaned' && <span className="badge orphan">Needs review</span>}
            {claim.previousQuote !== undefined && (
              <span className="badge quote-changed">Quote changed</span>
            )}
            {claim.tags.map((t) => (
              <span key={t} className="badge tag">
                #{t}
              </span>
            ))}
          </div>
          <span className="claim-source">{document?.title ?? 'Unknown document'}</span>
          {claim.previousQuote !== undefined && (
            <QuoteChange
              claim={{ ...claim, previousQuote: claim.previousQuote }}
              onEdit={() => {
                void selectClaim(claim.id);
                setEditing(true);
              }}
            />
          )}
          {selected && (
            <>
              <div className="actions">
                <button type="button" onClick={() => setEditing(true)}>
                  Edit
                </button>
                <button type="button" className="danger" onClick={() => void remove()}>
                  Delete
                </button>
              </div>
              {conflicted && <ConflictList claimId={claim.id} />}
              <EvidencePanel claim={claim} />
            </>
          )}
        </>
      )}
    </li>
  );
}
