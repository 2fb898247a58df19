/** The people and outlets that figure in the open case, each a link to their page. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import { useAppStore } from '../store';

export function PeopleList() {
  const { claims, documents, entities, openProfile, profileId } = useAppStore(
    useShallow((s) => ({
      claims: s.claims,
      documents: s.documents,
      entities: s.entities,
      openProfile: s.openProfile,
      profileId: s.profile?.entity.id ?? null,
    })),
  );
  const inCase = useMemo(() => {
    const count = new Map<string, number>();
    const bump = (id: string | null) => id && count.set(id, (count.get(id) ?? 0) + 1);
    for (const c of claims) {
      bump(c.attribution.speakerId);
      c.attribution.via.forEach(bump);
    }
    documents.forEach((d) => bump(d.outletId));
    return entities
      .filter((e) => count.has(e.id))
      .map((e) => ({ entity: e, count: count.get(e.id) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  }, [claims, documents, entities]);

  return (
    <section className="people">
      <h2>People &amp; outlets</h2>
      {inCase.length === 0 && (
        <p className="hint">Speakers and outlets of this case appear here.</p>
      )}
      <ul>
        {inCase.map(({ entity, count }) => (
          <li key={entity.id}>
            <button
              type="button"
              className={entity.id === profileId ? 'doc active' : 'doc'}
              onClick={() => void openProfile(entity.id)}
            >
              <span className="doc-title">{entity.name}</span>
              <span className="doc-outlet">
                {ENTITY_KIND_LABELS[entity.kind]} · {count}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
