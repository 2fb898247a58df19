/**
 * A type-ahead for people and organisations, found by any of their names (ARIA combobox).
 * Arrow keys move, Enter picks, and a name nobody has yet can be added on the spot, as the
 * kind the analyst picks (issue 12: a flight-tracking site is not a person). The field's
 * usual kind is offered first, so the keyboard flow for it is as short as before; each
 * other kind is one more arrow press down the list.
 */
import { useMemo } from 'react';
import type { Entity, EntityKind } from '../../../shared/domain/schemas';
import { ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import { findByName, rankByName } from '../../../shared/entities/names';
import { entitiesSelectors, useAppStore } from '../store';
import { useCombobox } from './useCombobox';

/** The kinds a name can be added as from a picker (the rest are set on the entity's page). */
const KINDS_OFFERED: readonly EntityKind[] = ['person', 'outlet', 'organisation', 'other'];

interface Props {
  label: string;
  /** The kind offered first for a new name: what the field usually names. */
  newKind: EntityKind;
  onPick: (entity: Entity) => void;
  /** Ids not to offer (already chosen). */
  exclude?: readonly string[];
  placeholder?: string;
  /** Offer to add a name nobody has yet (not when merging, say). */
  allowCreate?: boolean;
}

type Option =
  { type: 'entity'; entity: Entity } | { type: 'create'; name: string; kind: EntityKind };

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
  // Enter on an empty field submits the surrounding form rather than picking.
  const combo = useCombobox({ label, enterNeedsQuery: true });
  const query = combo.query;

  const options = useMemo<Option[]>(() => {
    const available = entities.filter((e) => !exclude.includes(e.id));
    const found: Option[] = rankByName(available, query).map((entity) => ({
      type: 'entity',
      entity,
    }));
    const name = query.trim();
    if (allowCreate && name && !findByName(entities, name)) {
      const kinds = [newKind, ...KINDS_OFFERED.filter((k) => k !== newKind)];
      for (const kind of kinds) found.push({ type: 'create', name, kind });
    }
    return found;
  }, [entities, exclude, query, allowCreate, newKind]);

  const choose = async (index: number) => {
    const option = options[index];
    if (!option) return;
    let entity: Entity;
    if (option.type === 'create') {
      const created = await createEntity(option.name, option.kind);
      if (!created || !('id' in created)) {
        notify('error', created?.message ?? 'Could not add that name.');
        return;
      }
      entity = created;
    } else {
      entity = option.entity;
    }
    onPick(entity);
    combo.reset();
  };

  return (
    <div className="picker">
      <input
        placeholder={placeholder}
        {...combo.inputProps(options.length, (i) => void choose(i))}
      />
      {combo.open && options.length > 0 && (
        <ul className="picker-list" {...combo.listProps}>
          {options.map((option, i) => (
            <li
              key={option.type === 'entity' ? option.entity.id : `create-${option.kind}`}
              // Chosen on mousedown, before the input's blur closes the list.
              {...combo.optionProps(i, (index) => void choose(index))}
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
                  Add “{option.name}” as {ENTITY_KIND_LABELS[option.kind].toLowerCase()}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
