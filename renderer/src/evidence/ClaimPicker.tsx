/** Find a claim of the case by its words or by who said it (ARIA combobox). */
import { useMemo } from 'react';
import { useCombobox } from '../components/useCombobox';
import { normalizeName } from '../../../shared/entities/names';
import type { Claim } from '../../../shared/domain/schemas';
import { useAppStore } from '../store';

interface Props {
  label: string;
  exclude?: readonly string[];
  onPick: (claim: Claim) => void;
}

export function ClaimPicker({ label, exclude = [], onPick }: Props) {
  const claims = useAppStore((s) => s.claims);
  const entities = useAppStore((s) => s.entities);
  const combo = useCombobox({ label });
  const query = combo.query;

  const options = useMemo(() => {
    const q = normalizeName(query);
    const speaker = (c: Claim) =>
      entities.find((e) => e.id === c.attribution.speakerId)?.name ?? '';
    return claims
      .filter((c) => !exclude.includes(c.id))
      .filter((c) => !q || normalizeName(`${c.text} ${c.anchor.exact} ${speaker(c)}`).includes(q))
      .slice(0, 8)
      .map((claim) => ({ claim, speaker: speaker(claim) }));
  }, [claims, entities, exclude, query]);

  const choose = (index: number) => {
    const claim = options[index]?.claim;
    if (!claim) return;
    onPick(claim);
    combo.reset();
  };

  return (
    <div className="picker">
      <input
        placeholder="Search claims by words or speaker"
        {...combo.inputProps(options.length, choose)}
      />
      {combo.open && options.length > 0 && (
        <ul className="picker-list" {...combo.listProps}>
          {options.map(({ claim, speaker }, i) => (
            <li key={claim.id} {...combo.optionProps(i, choose)}>
              <span>{claim.text}</span>
              <span className="muted">{speaker}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
