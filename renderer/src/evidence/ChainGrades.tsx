/**
 * The reliability of each carrier of one claim: the entity's default, or a grade set on this
 * attribution only (a usually reliable outlet that got this one story wrong).
 */
import type { Reliability } from '../../../shared/grading/scales';
import { useAppStore } from '../store';
import type { ClaimDraft } from '../components/claimDraft';
import { ReliabilitySelect } from './GradeSelect';

interface Props {
  draft: ClaimDraft;
  onChange: (change: Partial<ClaimDraft>) => void;
  /** The document's outlet, the last carrier. */
  outletId: string | null;
}

export function ChainGrades({ draft, onChange, outletId }: Props) {
  const entities = useAppStore((s) => s.entities);
  const chain = [
    ...new Set([
      ...(draft.speakerId ? [draft.speakerId] : []),
      ...draft.via,
      ...(outletId ? [outletId] : []),
    ]),
  ];
  if (chain.length === 0) return null;
  return (
    <fieldset className="chain-grades">
      <legend>Source reliability for this claim</legend>
      {chain.map((id) => {
        const entity = entities.find((e) => e.id === id);
        if (!entity) return null;
        const set = (grade: Reliability | null) => {
          const next = { ...draft.reliabilityOverrides };
          if (grade === null) delete next[id];
          else next[id] = grade;
          onChange({ reliabilityOverrides: next });
        };
        return (
          <ReliabilitySelect
            key={id}
            label={entity.name}
            value={draft.reliabilityOverrides[id] ?? null}
            inherit={`Default: ${entity.reliability}`}
            onChange={set}
          />
        );
      })}
    </fieldset>
  );
}
