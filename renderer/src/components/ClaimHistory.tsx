/** Who changed what in a claim, and when. */
import { useEffect } from 'react';
import type { HistoryEntry } from '../../../shared/domain/schemas';
import { claimsSelectors, useAppStore } from '../store';

/** Actions as the analyst reads them. */
const ACTION_LABELS: Record<HistoryEntry['action'], string> = {
  created: 'created',
  edited: 'edited',
  deleted: 'deleted',
  reanchored: 're-anchored',
  orphaned: 'needs review',
  undone: 'undone',
  redone: 'redone',
};

export function ClaimHistory({ claimId, version }: { claimId: string; version: string }) {
  const history = useAppStore(claimsSelectors.history(claimId));
  const loadHistory = useAppStore((s) => s.loadHistory);
  useEffect(() => {
    void loadHistory(claimId);
  }, [claimId, version, loadHistory]);
  if (!history) return <p className="muted">Loading history…</p>;
  return (
    <ol className="history" aria-label="History">
      {history.map((h) => (
        <li key={h.id}>
          <span className="history-head">
            <strong>{ACTION_LABELS[h.action]}</strong> by {h.by} · {new Date(h.at).toLocaleString()}
          </span>
          {h.action !== 'created' && h.changes.length > 0 && (
            <ul>
              {h.changes.map((c) => (
                <li key={c.field}>
                  {c.field}: <del>{c.from || '—'}</del> → <ins>{c.to || '—'}</ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
