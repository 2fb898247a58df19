/**
 * A claim whose quoted words a new version of its document changed (issue 12): the quote
 * before and after, side by side, for the analyst to confirm, or to edit the claim whose
 * wording may no longer fit.
 */
import type { Claim } from '../../../shared/domain/schemas';
import { useAppStore } from '../store';

interface Props {
  claim: Claim & { previousQuote: string };
  onEdit: () => void;
}

export function QuoteChange({ claim, onEdit }: Props) {
  const updateClaim = useAppStore((s) => s.updateClaim);
  const notify = useAppStore((s) => s.notify);
  const confirm = async () => {
    const failure = await updateClaim(claim.id, { quoteConfirmed: true });
    if (failure) notify('error', failure.message);
  };
  return (
    <section className="quote-change" aria-label="Quote changed in the new version">
      <div className="quote-change-sides">
        <div>
          <span className="label">Before</span>
          <q className="quote-before">{claim.previousQuote}</q>
        </div>
        <div>
          <span className="label">Now</span>
          <q className="quote-after">{claim.anchor.exact}</q>
        </div>
      </div>
      <div className="actions">
        <button type="button" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="primary" onClick={() => void confirm()}>
          Confirm
        </button>
      </div>
    </section>
  );
}
