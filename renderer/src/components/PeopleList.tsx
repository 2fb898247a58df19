/** The people and outlets that figure in the open case (from its facets), each a link to their page. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import { useAppStore } from '../store';
import { compareNames } from '../../../shared/domain/compareNames';

/** The sidebar shows the most frequent; the claim list's filters reach the rest. */
const SHOWN = 50;

export function PeopleList() {
  const { facets, entities, openProfile, profileId } = useAppStore(
    useShallow((s) => ({
      facets: s.facets,
      entities: s.entities,
      openProfile: s.openProfile,
      profileId: s.profile?.entity.id ?? null,
    })),
  );
  const { shown, more } = useMemo(() => {
    const count = new Map<string, number>();
    for (const f of [...(facets?.speakers ?? []), ...(facets?.outlets ?? [])]) {
      count.set(f.id, (count.get(f.id) ?? 0) + f.count);
    }
    const byId = new Map(entities.map((e) => [e.id, e]));
    const inCase = [...count]
      .flatMap(([id, n]) => {
        const entity = byId.get(id);
        return entity ? [{ entity, count: n }] : [];
      })
      .sort((a, b) => b.count - a.count || compareNames(a.entity.name, b.entity.name));
    return { shown: inCase.slice(0, SHOWN), more: Math.max(0, inCase.length - SHOWN) };
  }, [facets, entities]);

  return (
    <section className="people">
      <h2>People &amp; outlets</h2>
      {shown.length === 0 && <p className="hint">Speakers and outlets of this case appear here.</p>}
      <ul>
        {shown.map(({ entity, count }) => (
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
      {more > 0 && <p className="muted">and {more} more: find them with the claim filters.</p>}
    </section>
  );
}
