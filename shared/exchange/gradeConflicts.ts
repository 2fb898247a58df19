/**
 * Grade conflicts on a case import (issue 11). An imported person or outlet recognised by
 * name as one the store already has is merged into it, and the store's reliability grade
 * used to win without a word: "Russian sources" graded F here and C in the colleague's file
 * became F. The import dialog lists the conflicts with these functions and lets the analyst
 * choose, entity by entity, whose grade to keep.
 */
import type { Entity } from '../domain/schemas';
import { findByName } from '../entities/names';
import type { Reliability } from '../grading/scales';

export type GradedEntity = Pick<Entity, 'id' | 'name' | 'aliases' | 'reliability'>;

export interface GradeConflict {
  /** The entity's id in the imported file, and the store's entity it was matched to. */
  importedId: string;
  existingId: string;
  /** The name as this store knows it. */
  name: string;
  /** The store's grade, and the file's. */
  ours: Reliability;
  theirs: Reliability;
}

/** The store's entity with one of `entity`'s names, as the import recognises it. */
export function matchEntity<E extends GradedEntity>(
  existing: readonly E[],
  entity: Pick<Entity, 'name' | 'aliases'>,
): E | undefined {
  for (const name of [entity.name, ...entity.aliases]) {
    const found = findByName(existing, name);
    if (found) return found;
  }
  return undefined;
}

/** The imported entities whose grade differs from that of the store's entity they match. */
export function gradeConflicts(
  imported: readonly GradedEntity[],
  existing: readonly GradedEntity[],
): GradeConflict[] {
  return imported.flatMap((entity) => {
    const match = matchEntity(existing, entity);
    if (!match || match.reliability === entity.reliability) return [];
    return [
      {
        importedId: entity.id,
        existingId: match.id,
        name: match.name,
        ours: match.reliability,
        theirs: entity.reliability,
      },
    ];
  });
}

/** The analyst's answer for one entity: keep this store's grade, or take the file's. */
export type GradeChoice = 'ours' | 'theirs';

/**
 * The grade updates the choices call for: one per conflict resolved as "theirs"
 * (the default is this store's grade, as before issue 11).
 */
export function gradeUpdates(
  conflicts: readonly GradeConflict[],
  choices: Readonly<Record<string, GradeChoice>>,
): { entityId: string; reliability: Reliability }[] {
  return conflicts
    .filter((c) => choices[c.importedId] === 'theirs')
    .map((c) => ({ entityId: c.existingId, reliability: c.theirs }));
}
