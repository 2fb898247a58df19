/**
 * Finding people and organisations by any of their names. Analysts type "zakharova",
 * "Захарова" or "MFA"; matching ignores case, accents and punctuation.
 */
import type { Entity } from '../domain/schemas';

/** Lower case, accents stripped, punctuation to spaces, spaces collapsed. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const namesOf = (entity: Pick<Entity, 'name' | 'aliases'>): string[] => [
  entity.name,
  ...entity.aliases,
];

/** The entity one of whose names is exactly `name` (after normalising), if any. */
export function findByName<E extends Pick<Entity, 'name' | 'aliases'>>(
  entities: readonly E[],
  name: string,
): E | undefined {
  const wanted = normalizeName(name);
  if (!wanted) return undefined;
  return entities.find((e) => namesOf(e).some((n) => normalizeName(n) === wanted));
}

/**
 * Entities matching a type-ahead query, best first: a name equal to the query, then a name
 * starting with it, then a word of a name starting with it, then a name containing it.
 */
export function rankByName<E extends Pick<Entity, 'name' | 'aliases'>>(
  entities: readonly E[],
  query: string,
  limit = 8,
): E[] {
  const q = normalizeName(query);
  if (!q) return entities.slice(0, limit);
  const scored: { entity: E; score: number }[] = [];
  for (const entity of entities) {
    let best = 0;
    for (const name of namesOf(entity).map(normalizeName)) {
      if (name === q) best = Math.max(best, 4);
      else if (name.startsWith(q)) best = Math.max(best, 3);
      else if (name.split(' ').some((word) => word.startsWith(q))) best = Math.max(best, 2);
      else if (name.includes(q)) best = Math.max(best, 1);
    }
    if (best > 0) scored.push({ entity, score: best });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
    .map((s) => s.entity);
}
