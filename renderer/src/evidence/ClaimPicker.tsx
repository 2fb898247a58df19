/**
 * Find a claim of the case by its words or by who said it (ARIA combobox). The backend's
 * search answers as the analyst types: the best matches, never the whole case.
 */
import { useEffect, useState } from 'react';
import type { ClaimRow } from '../../../shared/contract/channels';
import { useCombobox } from '../components/useCombobox';
import { useAppStore } from '../store';
import type { Claim } from '../../../shared/domain/schemas';

interface Props {
  label: string;
  exclude?: readonly string[];
  onPick: (claim: Claim) => void;
}

const SHOWN = 8;

export function ClaimPicker({ label, exclude = [], onPick }: Props) {
  const caseId = useAppStore((s) => s.activeCaseId);
  const findClaims = useAppStore((s) => s.findClaims);
  const entities = useAppStore((s) => s.entities);
  const combo = useCombobox({ label });
  const query = combo.query;
  const [found, setFound] = useState<ClaimRow[]>([]);
  const excluded = exclude.join(' ');

  useEffect(() => {
    if (!caseId || !combo.open) return;
    let current = true;
    void findClaims(query, SHOWN + excluded.split(' ').length).then((rows) => {
      if (!current) return;
      const skip = new Set(excluded.split(' '));
      setFound(rows.filter((r) => !skip.has(r.claim.id)).slice(0, SHOWN));
    });
    return () => {
      current = false;
    };
  }, [caseId, findClaims, query, excluded, combo.open]);

  const speaker = (claim: Claim) =>
    entities.find((e) => e.id === claim.attribution.speakerId)?.name ?? '';

  const choose = (index: number) => {
    const row = found[index];
    if (!row) return;
    onPick(row.claim);
    combo.reset();
  };

  return (
    <div className="picker">
      <input
        placeholder="Search claims by words or speaker"
        {...combo.inputProps(found.length, choose)}
      />
      {combo.open && found.length > 0 && (
        <ul className="picker-list" {...combo.listProps}>
          {found.map(({ claim }, i) => (
            <li key={claim.id} {...combo.optionProps(i, choose)}>
              <span>{claim.text}</span>
              <span className="muted">{speaker(claim)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
