import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimStatus } from '../../../shared/domain/enums';
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from '../../../shared/domain/labels';
import type { ClaimDraft } from './claimDraft';

export function KindSelect({
  value,
  onChange,
}: {
  value: ClaimDraft['kind'];
  onChange: (kind: ClaimDraft['kind']) => void;
}) {
  return (
    <label className="field">
      <span className="label">Kind</span>
      <select value={value} onChange={(e) => onChange(e.target.value as ClaimDraft['kind'])}>
        <option value="auto">Automatic (from the speaker)</option>
        {CLAIM_KINDS.map((k) => (
          <option key={k} value={k}>
            {CLAIM_KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StatusSelect({
  value,
  onChange,
}: {
  value: ClaimStatus;
  onChange: (status: ClaimStatus) => void;
}) {
  return (
    <label className="field">
      <span className="label">Status</span>
      <select value={value} onChange={(e) => onChange(e.target.value as ClaimStatus)}>
        {CLAIM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {CLAIM_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
