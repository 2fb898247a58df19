/**
 * The key judgments of a case: each an analyst's statement with an ICD 203 likelihood and a
 * confidence level, resting on claims, with the app's warnings where the wording outruns
 * the basis.
 */
import { useState } from 'react';
import type { JudgmentView } from '../../../shared/contract/channels';
import {
  likelihoodInfo,
  type ConfidenceLevel,
  type Likelihood,
} from '../../../shared/grading/scales';
import { evidenceSelectors, useAppStore } from '../store';
import type { JudgmentChange } from '../store/evidenceSlice';
import { BasisSummary } from './BasisSummary';
import { ClaimPicker } from './ClaimPicker';
import { GradeFields } from './GradeFields';
import { WordingCheck } from './WordingCheck';

function JudgmentCard({ judgment }: { judgment: JudgmentView }) {
  const claimCache = useAppStore((s) => s.claimCache);
  const missing = useAppStore((s) => s.missingClaims);
  const updateJudgment = useAppStore((s) => s.updateJudgment);
  const deleteJudgment = useAppStore((s) => s.deleteJudgment);
  const showGraph = useAppStore((s) => s.showGraph);
  const selectClaim = useAppStore((s) => s.selectClaim);
  const notify = useAppStore((s) => s.notify);
  const [editing, setEditing] = useState(false);
  const [statement, setStatement] = useState(judgment.statement);
  const [relation, setRelation] = useState<'supports' | 'contradicts'>('supports');
  // While the statement is edited the live check below it speaks for the wording; the saved
  // warning would describe words that are being replaced.
  const warnings = editing
    ? judgment.warnings.filter((w) => w.code !== 'wording_differs_from_grade')
    : judgment.warnings;
  const band = likelihoodInfo(judgment.likelihood);

  const update = async (change: JudgmentChange) => {
    const failure = await updateJudgment(judgment.id, change);
    if (failure) notify('error', failure.message);
    return failure;
  };

  return (
    <li className="judgment" aria-label={`Key judgment: ${judgment.statement}`}>
      {editing ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!(await update({ statement }))) setEditing(false);
          }}
        >
          <label className="field">
            <span className="label">Statement</span>
            <textarea
              value={statement}
              rows={2}
              autoFocus
              onChange={(e) => setStatement(e.target.value)}
            />
          </label>
          <WordingCheck statement={statement} likelihood={judgment.likelihood} />
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
        <p className="judgment-statement">{judgment.statement}</p>
      )}
      <p className="judgment-grade">
        <span className="chip likelihood">
          {band.term} ({band.min}–{band.max}%)
        </span>
        <span className="chip confidence">{judgment.confidence} confidence</span>
      </p>
      <GradeFields
        likelihood={judgment.likelihood}
        confidence={judgment.confidence}
        onChange={(change) => void update(change)}
      />
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {warnings.map((w) => (
            <li key={w.code} className="warning">
              ⚠ {w.message}
            </li>
          ))}
        </ul>
      )}
      <h4>Rests on</h4>
      <BasisSummary basis={judgment.basis} />
      <ul className="basis">
        {judgment.basis.map((b) => {
          const claim = claimCache[b.claimId]?.claim;
          return (
            <li key={b.claimId} className={b.relation}>
              <span className="relation">
                {b.relation === 'supports' ? 'Supports' : 'Cuts against'}
              </span>{' '}
              <button
                type="button"
                className="link"
                onClick={() => void selectClaim(b.claimId, true)}
              >
                {claim?.text ?? (missing[b.claimId] ? 'A deleted claim' : 'Loading…')}
              </button>{' '}
              <button
                type="button"
                className="link danger"
                aria-label={`Remove from basis: ${claim?.text ?? ''}`}
                onClick={() =>
                  void update((current) => ({
                    basis: current.basis.filter((x) => x.claimId !== b.claimId),
                  }))
                }
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      <div className="basis-add">
        <select
          aria-label="How the claim bears on the judgment"
          value={relation}
          onChange={(e) => setRelation(e.target.value as 'supports' | 'contradicts')}
        >
          <option value="supports">supports it</option>
          <option value="contradicts">cuts against it</option>
        </select>
        <ClaimPicker
          label="Add a claim to the basis"
          exclude={judgment.basis.map((b) => b.claimId)}
          onPick={(claim) =>
            void update((current) => ({
              basis: [
                ...current.basis.filter((x) => x.claimId !== claim.id),
                { claimId: claim.id, relation },
              ],
            }))
          }
        />
      </div>
      <div className="actions start">
        <button type="button" onClick={() => setEditing(true)}>
          Edit statement
        </button>
        <button type="button" onClick={() => showGraph({ kind: 'judgment', id: judgment.id })}>
          Show graph
        </button>
        <button type="button" className="danger" onClick={() => void deleteJudgment(judgment.id)}>
          Delete
        </button>
      </div>
    </li>
  );
}

export function JudgmentsView() {
  const judgments = useAppStore(evidenceSelectors.judgments);
  const createJudgment = useAppStore((s) => s.createJudgment);
  const [statement, setStatement] = useState('');
  const [likelihood, setLikelihood] = useState<Likelihood>('roughly_even');
  const [confidence, setConfidence] = useState<ConfidenceLevel>('low');
  const [error, setError] = useState<string | null>(null);

  return (
    <main className="judgments-view" aria-label="Key judgments">
      <header className="view-header">
        <h2>Key judgments</h2>
        <p className="muted">
          Likelihood and confidence are stated apart, as ICD 203 asks: the likelihood says how
          probable, the confidence how good the basis is.
        </p>
      </header>
      <ol className="judgments">
        {judgments.map((j) => (
          <JudgmentCard key={j.id} judgment={j} />
        ))}
      </ol>
      <form
        className="judgment-form"
        aria-label="New key judgment"
        onSubmit={async (e) => {
          e.preventDefault();
          const failure = await createJudgment({ statement, likelihood, confidence });
          setError(failure?.message ?? null);
          if (!failure) setStatement('');
        }}
      >
        <h3>Add a key judgment</h3>
        <label className="field">
          <span className="label">Statement</span>
          <textarea value={statement} rows={2} onChange={(e) => setStatement(e.target.value)} />
        </label>
        <WordingCheck statement={statement} likelihood={likelihood} />
        <GradeFields
          likelihood={likelihood}
          confidence={confidence}
          onChange={(c) => {
            if (c.likelihood) setLikelihood(c.likelihood);
            if (c.confidence) setConfidence(c.confidence);
          }}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            Add judgment
          </button>
        </div>
      </form>
    </main>
  );
}
