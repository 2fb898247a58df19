/**
 * Judgments (or competing hypotheses) against claims, in the spirit of Analysis of
 * Competing Hypotheses: each cell says whether a claim supports or cuts against a judgment.
 * A claim that bears the same way on every judgment tells them apart no better than none;
 * the diagnostic ones, which support one judgment and cut against another, are marked.
 * Clicking a cell cycles it.
 */
import { useMemo, useState } from 'react';
import type { Judgment } from '../../../shared/domain/schemas';
import { likelihoodInfo } from '../../../shared/grading/scales';
import { evidenceSelectors, useAppStore } from '../store';
import { useScores } from './useScores';

type Cell = 'supports' | 'contradicts' | null;

const cellOf = (j: Judgment, claimId: string): Cell =>
  j.basis.find((b) => b.claimId === claimId)?.relation ?? null;

const NEXT: Record<string, Cell> = { null: 'supports', supports: 'contradicts', contradicts: null };
const SYMBOL: Record<string, string> = { null: '·', supports: '+', contradicts: '−' };

export function MatrixView() {
  const judgments = useAppStore(evidenceSelectors.judgments);
  const claims = useAppStore((s) => s.claims);
  const updateJudgment = useAppStore((s) => s.updateJudgment);
  const selectClaim = useAppStore((s) => s.selectClaim);
  const notify = useAppStore((s) => s.notify);
  const scores = useScores();
  const [allClaims, setAllClaims] = useState(false);

  const rows = useMemo(() => {
    const used = new Set(judgments.flatMap((j) => j.basis.map((b) => b.claimId)));
    return claims
      .filter((c) => allClaims || used.has(c.id))
      .map((claim) => {
        const cells = judgments.map((j) => cellOf(j, claim.id));
        // Diagnostic (ACH): consistent with some judgment and inconsistent with another, so it
        // helps tell them apart. Evidence that bears only one way discriminates little.
        const diagnostic = cells.includes('supports') && cells.includes('contradicts');
        return { claim, cells, diagnostic };
      })
      .sort((a, b) => Number(b.diagnostic) - Number(a.diagnostic));
  }, [claims, judgments, allClaims]);

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
          <input
            type="checkbox"
            checked={allClaims}
            onChange={(e) => setAllClaims(e.target.checked)}
          />
          Show every claim of the case
        </label>
      </header>
      <div className="matrix-scroll">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Score</th>
              {judgments.map((j, i) => (
                <th key={j.id} scope="col" title={j.statement}>
                  J{i + 1}
                  <span className="muted"> {likelihoodInfo(j.likelihood).term}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ claim, cells, diagnostic }) => (
              <tr key={claim.id} className={diagnostic ? 'diagnostic' : undefined}>
                <th scope="row">
                  {diagnostic && <span aria-label="diagnostic">◆ </span>}
                  <button
                    type="button"
                    className="link"
                    onClick={() => void selectClaim(claim.id, true)}
                  >
                    {claim.text}
                  </button>
                </th>
                <td className="num">{scores.get(claim.id)?.value ?? '—'}</td>
                {judgments.map((j, i) => (
                  <td key={j.id} className={`cell ${cells[i] ?? 'none'}`}>
                    <button
                      type="button"
                      aria-label={`J${i + 1} and “${claim.text}”: ${cells[i] ?? 'no bearing'}`}
                      onClick={() => void cycle(j, claim.id)}
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
