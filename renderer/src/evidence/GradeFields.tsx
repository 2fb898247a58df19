/**
 * The ICD 203 likelihood band and the analytic confidence of a key judgment, each picked from
 * its scale with the scale's own definition shown under it.
 */
import {
  CONFIDENCE,
  LIKELIHOOD,
  likelihoodInfo,
  type ConfidenceLevel,
  type Likelihood,
} from '../../../shared/grading/scales';

export function GradeFields({
  likelihood,
  confidence,
  onChange,
}: {
  likelihood: Likelihood;
  confidence: ConfidenceLevel;
  onChange: (change: { likelihood?: Likelihood; confidence?: ConfidenceLevel }) => void;
}) {
  const band = likelihoodInfo(likelihood);
  return (
    <div className="field-row two">
      <label className="field">
        <span className="label">Likelihood (ICD 203)</span>
        <select
          value={likelihood}
          onChange={(e) => onChange({ likelihood: e.target.value as Likelihood })}
        >
          {LIKELIHOOD.map((l) => (
            <option key={l.code} value={l.code}>
              {l.term} ({l.min}–{l.max}%)
            </option>
          ))}
        </select>
        <span className="grade-definition">
          {band.term} / {band.probability}: {band.min}–{band.max}%
        </span>
      </label>
      <label className="field">
        <span className="label">Analytic confidence</span>
        <select
          value={confidence}
          onChange={(e) => onChange({ confidence: e.target.value as ConfidenceLevel })}
        >
          {CONFIDENCE.map((c) => (
            <option key={c.level} value={c.level}>
              {c.level}
            </option>
          ))}
        </select>
        <span className="grade-definition">
          {CONFIDENCE.find((c) => c.level === confidence)?.text}
        </span>
      </label>
    </div>
  );
}
