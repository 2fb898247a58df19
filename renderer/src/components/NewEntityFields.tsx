/**
 * The people and outlets an accepted suggestion will add (issue 13): their kind (the
 * extractor's guess: a person, an outlet, an organisation) and role, to set before they exist.
 */
import type { ProposedEntity } from '../../../shared/contract/channels';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/domain/enums';
import { ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import type { ClaimDraft } from './claimDraft';
import { proposedIn } from './suggestionDraft';

interface Props {
  draft: ClaimDraft;
  onChange: (change: Partial<ClaimDraft>) => void;
}

export function NewEntityFields({ draft, onChange }: Props) {
  const named = proposedIn(draft);
  if (named.length === 0) return null;
  const update = (id: string, part: Partial<ProposedEntity>) => {
    const entity = draft.proposed?.[id];
    if (entity) onChange({ proposed: { ...draft.proposed, [id]: { ...entity, ...part } } });
  };
  return (
    <div className="field new-entities">
      <span className="label">New people and outlets, added with the claim</span>
      <ul>
        {named.map(([id, entity]) => (
          <li key={id}>
            <span className="name">{entity.name}</span>
            <select
              aria-label={`What ${entity.name} is`}
              value={entity.kind}
              onChange={(e) => update(id, { kind: e.target.value as EntityKind })}
            >
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ENTITY_KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <input
              aria-label={`Role of ${entity.name}`}
              placeholder="Role (optional)"
              value={entity.role}
              onChange={(e) => update(id, { role: e.target.value })}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
