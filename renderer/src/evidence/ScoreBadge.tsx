/**
 * A claim's grades as analysts write them ("B2") and its claim score, which opens to the
 * breakdown it was computed from, line by line. Named "claim score", never "confidence", so
 * that it is not read as an ICD 203 analytic confidence (issue 11).
 */
import { useEffect, useRef, useState } from 'react';
import { admiraltyCode } from '../../../shared/grading/scales';
import { CLAIM_SCORE_HINT, CLAIM_SCORE_LABEL, claimScoreText } from '../../../shared/domain/labels';
import type { ClaimScore } from '../../../shared/scoring/model';

export function ScoreBadge({ score }: { score: ClaimScore }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // Closes on Escape or a click anywhere else, like any popover.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const value = score.value === null ? '—' : String(score.value);
  const code = admiraltyCode(score.reliability, score.credibility);
  return (
    <div className="score" ref={box}>
      <button
        type="button"
        className="score-badge"
        aria-expanded={open}
        title={CLAIM_SCORE_HINT}
        onClick={(e) => {
          e.stopPropagation();
          setOpen((o) => !o);
        }}
      >
        {/* Named by hidden text, not an aria-label, which would have to hold the visible
            "B2 55 +1" (axe: label-content-name-mismatch, issue 12); the visible marks are
            left to the eye. */}
        <span className="sr-only">
          Grade {code}, {claimScoreText(score.value)}: show why
        </span>
        <span className="admiralty" aria-hidden="true">
          {code}
        </span>
        <span className="score-value" aria-hidden="true">
          {value}
        </span>
        {score.corroborating > 0 && (
          <span className="corro" aria-hidden="true">
            +{score.corroborating}
          </span>
        )}
        {score.contradicting > 0 && (
          <span className="contra" aria-hidden="true">
            −{score.contradicting}
          </span>
        )}
      </button>
      {open && (
        <ol className="breakdown" aria-label="How the score is computed">
          {score.breakdown.map((line, i) => (
            <li key={i} className={`line ${line.kind}`}>
              <span>{line.text}</span>
              {line.score !== undefined && <span className="line-score">{line.score}</span>}
            </li>
          ))}
          <li className="line total">
            <span>{CLAIM_SCORE_LABEL}</span>
            <span className="line-score">{value}</span>
          </li>
        </ol>
      )}
    </div>
  );
}
