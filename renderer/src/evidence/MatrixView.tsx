/**
 * Judgments (or competing hypotheses) against claims, in the spirit of Analysis of
 * Competing Hypotheses: each cell says whether a claim supports or cuts against a judgment.
 * A claim that bears the same way on every judgment tells them apart no better than none;
 * the diagnostic ones, which support one judgment and cut against another, are marked.
 * Clicking a cell cycles it. A claim linked to another both as supporting and as contradicting
 * it is marked, since the score then counts it both ways (issue 11). The rows are the claims the judgments rest on, and, on request,
 * the claims the list shows now (its search and filters): never every claim of a large case.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ClaimRow } from '../../../shared/contract/channels';
import { CLAIM_SCORE_HINT, CLAIM_SCORE_LABEL } from '../../../shared/domain/labels';
import type { Judgment } from '../../../shared/domain/schemas';
import { likelihoodInfo } from '../../../shared/grading/scales';
import { evidenceSelectors, listSelectors, useAppStore } from '../store';
import { OppositeLinksMark } from './OppositeLinksMark';

type Cell = 'supports' | 'contradicts' | null;

const cellOf = (j: Judgment, claimId: string): Cell =>
  j.basis.find((b) => b.claimId === claimId)?.relation ?? null;

const NEXT: Record<string, Cell> = { null: 'supports', supports: 'contradicts', contradicts: null };
const SYMBOL: Record<string, string> = { null: '·', supports: '+', contradicts: '−' };

export function MatrixView() {
  const judgments = useAppStore(evidenceSelectors.judgments);
  const claimCache = useAppStore((s) => s.claimCache);
  const list = useAppStore(listSelectors.list);
  const updateJudgment = useAppStore((s) => s.updateJudgment);
  const selectClaim = useAppStore((s) => s.selectClaim);
  const notify = useAppStore((s) => s.notify);
  const [listed, setListed] = useState(false);
  const linkConflicts = useAppStore(evidenceSelectors.linkConflicts);
  const loadLinkConflicts = useAppStore((s) => s.loadLinkConflicts);
  useEffect(() => void loadLinkConflicts(), [loadLinkConflicts]);

  /** The claims each claim is linked to both ways (issue 11), by their words. */
  const opposedTo = (claimId: string) =>
    linkConflicts.flatMap(({ claimIds: [a, b] }) => {
      const other = a === claimId ? b : b === claimId ? a : null;
      return other ? [claimCache[other]?.claim.text ?? 'another claim'] : [];
    });

  const rows = useMemo(() => {
    const ids = new Set(judgments.flatMap((j) => j.basis.map((b) => b.claimId)));
    const found: ClaimRow[] = [...ids].flatMap((id) => claimCache[id] ?? []);
    if (listed) {
      // The rows of the list's pages at hand, in the list's order.
      for (const page of Object.keys(list.pages)
        .map(Number)
        .sort((a, b) => a - b)) {
        for (const row of list.pages[page] ?? []) if (!ids.has(row.claim.id)) found.push(row);
      }
    }
    return found
      .map((row) => {
        const cells = judgments.map((j) => cellOf(j, row.claim.id));
        // Diagnostic (ACH): consistent with some judgment and inconsistent with another, so it
        // helps tell them apart. Evidence that bears only one way discriminates little.
        const diagnostic = cells.includes('supports') && cells.includes('contradicts');
        return { row, cells, diagnostic };
      })
      .sort((a, b) => Number(b.diagnostic) - Number(a.diagnostic));
  }, [claimCache, judgments, listed, list.pages]);

  // Each click moves the cell on from what the one before it saved, so quick clicks never skip
  // or undo a step.
  const cycle = async (j: Judgment, claimId: string) => {
    const failure = await updateJudgment(j.id, (current) => {
      const next = NEXT[String(cellOf(current, claimId))] ?? null;
      const rest = current.basis.filter((b) => b.claimId !== claimId);
      return { basis: next ? [...rest, { claimId, relation: next }] : rest };
    });
    if (failure) notify('error', failure.message);
  };

  if (judgments.length === 0) {
    return (
      <main className="matrix-view empty" aria-label="Matrix">
        <p>Add key judgments (or competing hypotheses) to weigh the claims against them.</p>
      </main>
    );
  }
  return (
    <main className="matrix-view" aria-label="Matrix">
      <header className="view-header">
        <h2>Judgments against claims</h2>
        <p className="muted">
          + supports, − cuts against. Diagnostic claims (marked ◆) support one judgment and cut
          against another, so they help tell them apart. Click a cell to change it.
        </p>
        <label className="inline">
          <input type="checkbox" checked={listed} onChange={(e) => setListed(e.target.checked)} />
          Show the claims of the list too (as its search and filters select them)
        </label>
      </header>
      <div className="matrix-scroll">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {/* Not "Score" or "Confidence" beside the judgments' ICD 203 grades (issue 11). */}
              <th scope="col" title={CLAIM_SCORE_HINT}>
                {CLAIM_SCORE_LABEL}
              </th>
              {judgments.map((j, i) => (
                <th key={j.id} scope="col" title={j.statement}>
                  J{i + 1}
                  <span className="muted"> {likelihoodInfo(j.likelihood).term}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, cells, diagnostic }) => (
              <tr key={row.claim.id} className={diagnostic ? 'diagnostic' : undefined}>
                <th scope="row">
                  {diagnostic && <span aria-label="diagnostic">◆ </span>}
                  <button
                    type="button"
                    className="link"
                    onClick={() => void selectClaim(row.claim.id, true)}
                  >
                    {row.claim.text}
                  </button>
                  <OppositeLinksMark others={opposedTo(row.claim.id)} />
                </th>
                <td className="num">{row.score?.value ?? '—'}</td>
                {judgments.map((j, i) => (
                  <td key={j.id} className={`cell ${cells[i] ?? 'none'}`}>
                    <button
                      type="button"
                      aria-label={`J${i + 1} and “${row.claim.text}”: ${cells[i] ?? 'no bearing'}`}
                      onClick={() => void cycle(j, row.claim.id)}
                    >
                      {SYMBOL[String(cells[i])]}
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="matrix-legend">
        {judgments.map((j, i) => (
          <li key={j.id}>
            <strong>J{i + 1}</strong> {j.statement}
          </li>
        ))}
      </ol>
    </main>
  );
}
