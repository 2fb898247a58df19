/**
 * A type-ahead for people and organisations, found by any of their names (ARIA combobox).
 * Arrow keys move, Enter picks, and a name nobody has yet can be added on the spot.
 */
import { useId, useMemo, useState } from 'react';
import type { Entity, EntityKind } from '../../../shared/domain/schemas';
import { ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import { findByName, rankByName } from '../../../shared/entities/names';
import { entitiesSelectors, useAppStore } from '../store';

interface Props {
  label: string;
  /** The kind a newly added name gets. */
  newKind: EntityKind;
  onPick: (entity: Entity) => void;
  /** Ids not to offer (already chosen). */
  exclude?: readonly string[];
  placeholder?: string;
  /** Offer to add a name nobody has yet (not when merging, say). */
  allowCreate?: boolean;
}

type Option = { type: 'entity'; entity: Entity } | { type: 'create'; name: string };

export function EntityPicker({
  label,
  newKind,
  onPick,
  exclude = [],
  placeholder,
  allowCreate = true,
}: Props) {
  const entities = useAppStore(entitiesSelectors.entities);
  const createEntity = useAppStore((s) => s.createEntity);
  const notify = useAppStore((s) => s.notify);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // -1: nothing highlighted yet; Enter then takes the best match.
  const [active, setActive] = useState(-1);
  const listId = useId();

  const options = useMemo<Option[]>(() => {
    const available = entities.filter((e) => !exclude.includes(e.id));
    const found: Option[] = rankByName(available, query).map((entity) => ({
      type: 'entity',
      entity,
    }));
    const name = query.trim();
    if (allowCreate && name && !findByName(entities, name)) found.push({ type: 'create', name });
    return found;
  }, [entities, exclude, query, allowCreate]);

  const choose = async (option: Option | undefined) => {
    if (!option) return;
    let entity: Entity;
    if (option.type === 'create') {
      const created = await createEntity(option.name, newKind);
      if (!created || !('id' in created)) {
        notify('error', created?.message ?? 'Could not add that name.');
        return;
      }
      entity = created;
    } else {
      entity = option.entity;
    }
    onPick(entity);
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
        value={query}
        placeholder={placeholder}
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
            setOpen(true);
            setActive((i) => Math.min(i + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && open && options.length > 0 && query.trim()) {
            e.preventDefault();
            e.stopPropagation();
            void choose(options[Math.max(active, 0)]);
          } else if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {open && options.length > 0 && (
        <ul className="picker-list" role="listbox" id={listId} aria-label={`${label} suggestions`}>
          {options.map((option, i) => (
            <li
              key={option.type === 'entity' ? option.entity.id : `create-${option.name}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Chosen on mousedown, before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                void choose(option);
              }}
            >
              {option.type === 'entity' ? (
                <>
                  <span>{option.entity.name}</span>
                  <span className="muted">
                    {[ENTITY_KIND_LABELS[option.entity.kind], option.entity.role]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </>
              ) : (
                <span>
                  Add “{option.name}” as {ENTITY_KIND_LABELS[newKind].toLowerCase()}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
