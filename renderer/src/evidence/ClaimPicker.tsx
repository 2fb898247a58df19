/** Find a claim of the case by its words or by who said it (ARIA combobox). */
import { useId, useMemo, useState } from 'react';
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
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

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

  const choose = (claim: Claim | undefined) => {
    if (!claim) return;
    onPick(claim);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="Search claims by words or speaker"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && open && options.length > 0) {
            e.preventDefault();
            e.stopPropagation();
            choose(options[Math.max(active, 0)]?.claim);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && options.length > 0 && (
        <ul className="picker-list" role="listbox" id={listId} aria-label={`${label} suggestions`}>
          {options.map(({ claim, speaker }, i) => (
            <li
              key={claim.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(claim);
              }}
            >
              <span>{claim.text}</span>
              <span className="muted">{speaker}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
