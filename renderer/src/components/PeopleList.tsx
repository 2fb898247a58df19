/** The people and outlets that figure in the open case (from its facets), each a link to their page. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import { useAppStore } from '../store';
import { mostFrequent } from './mostFrequent';

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
  // The facet lists, not the facets: an edit brings new facets, but keeps the speaker and
  // outlet lists it did not change (keepUnchanged, listSlice.ts), so that counting every
  // person in the case does not run again on every Save.
  const speakers = facets?.speakers;
  const outlets = facets?.outlets;
  const { shown, more } = useMemo(
    () => mostFrequent(speakers ?? [], outlets ?? [], entities, SHOWN),
    [speakers, outlets, entities],
  );

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
