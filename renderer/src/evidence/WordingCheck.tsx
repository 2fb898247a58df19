/**
 * The wording check as the analyst writes (issue 11): the estimative words of a key judgment
 * that disagree with the ICD 203 band picked for it, read from the text being typed rather
 * than the saved one, so the warning shows before the judgment is saved. The region is always
 * rendered (empty when the words fit) so screen readers announce each change politely.
 */
import { useMemo } from 'react';
import type { Likelihood } from '../../../shared/grading/scales';
import { checkWording } from '../../../shared/scoring/wordingCheck';

export function WordingCheck({
  statement,
  likelihood,
}: {
  statement: string;
  likelihood: Likelihood;
}) {
  const disagreements = useMemo(() => checkWording(statement, likelihood), [statement, likelihood]);
  return (
    <div className="wording-check" role="status" aria-live="polite" aria-label="Wording check">
      {disagreements.length > 0 && (
        <ul className="warnings">
          {disagreements.map((d) => (
            <li key={`${d.match.start}-${d.match.end}`} className="warning">
              ⚠ {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
