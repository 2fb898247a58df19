/**
 * Choosing an Admiralty grade: each option shows its code and label, and the definition of
 * the chosen one is shown beside it, so the analyst grades against the scale's own words.
 */
import { useId } from 'react';
import {
  CREDIBILITY,
  RELIABILITY,
  type Credibility,
  type Reliability,
} from '../../../shared/grading/scales';

interface Props<C> {
  label: string;
  value: C;
  onChange: (value: C) => void;
  /** An extra first option meaning "no value of its own" (use the default). */
  inherit?: string;
}

export function ReliabilitySelect({ label, value, onChange, inherit }: Props<Reliability | null>) {
  const hint = useId();
  const info = RELIABILITY.find((r) => r.code === value);
  return (
    <label className="field grade-field">
      <span className="label">{label}</span>
      <select
        aria-describedby={hint}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as Reliability))}
      >
        {inherit !== undefined && <option value="">{inherit}</option>}
        {RELIABILITY.map((r) => (
          <option key={r.code} value={r.code}>
            {r.code} — {r.label}
          </option>
        ))}
      </select>
      <span id={hint} className="grade-definition">
        {info?.definition ?? ''}
      </span>
    </label>
  );
}

export function CredibilitySelect({ label, value, onChange }: Props<Credibility>) {
  const hint = useId();
  const info = CREDIBILITY.find((c) => c.code === value);
  return (
    <label className="field grade-field">
      <span className="label">{label}</span>
      <select
        aria-describedby={hint}
        value={value}
        onChange={(e) => onChange(Number(e.target.value) as Credibility)}
      >
        {CREDIBILITY.map((c) => (
          <option key={c.code} value={c.code}>
            {c.code} — {c.label}
          </option>
        ))}
      </select>
      <span id={hint} className="grade-definition">
        {info?.definition ?? ''}
      </span>
    </label>
  );
}
