/**
 * A key judgment's basis in one line, for and against kept apart as in the briefing
 * ("Evidence for: 3 claims · against: 1 claim"), so that evidence against is never read as
 * support (issue 11).
 */
import type { JudgmentBasis } from '../../../shared/scoring/judgmentChecks';

const claims = (n: number) => (n === 0 ? 'none' : `${n} ${n === 1 ? 'claim' : 'claims'}`);

export function BasisSummary({ basis }: { basis: readonly JudgmentBasis[] }) {
  const supporting = basis.filter((b) => b.relation === 'supports').length;
  const against = basis.length - supporting;
  return (
    <p className="basis-summary">
      Evidence for: {claims(supporting)} · against: {claims(against)}
    </p>
  );
}
