import { describe, expect, it } from 'vitest';
import { gradeConflicts, gradeUpdates, type GradedEntity } from './gradeConflicts';

const entity = (
  id: string,
  name: string,
  reliability: GradedEntity['reliability'],
  aliases: string[] = [],
) => ({
  id,
  name,
  aliases,
  reliability,
});

describe('grade conflicts on a case import', () => {
  const ours = [
    entity('z', 'Maria Zakharova', 'D', ['Zakharova', 'Мария Захарова']),
    entity('r', 'Russian sources (unnamed)', 'F', ['Russian sources']),
    entity('g', 'Mark Galeotti', 'B'),
  ];
  const theirs = [
    entity('t1', 'Мария Захарова', 'C'),
    entity('t2', 'Russian sources', 'F'),
    entity('t3', 'Mark Galeotti', 'A', ['Galeotti']),
    entity('t4', 'Alexandra Sitenko', 'C'),
  ];

  it('lists the matched entities whose grade differs, by any of their names, with both grades', () => {
    expect(gradeConflicts(theirs, ours)).toEqual([
      { importedId: 't1', existingId: 'z', name: 'Maria Zakharova', ours: 'D', theirs: 'C' },
      { importedId: 't3', existingId: 'g', name: 'Mark Galeotti', ours: 'B', theirs: 'A' },
    ]);
  });

  it('turns the analyst’s choices into grade updates; this store’s grade is the default', () => {
    const conflicts = gradeConflicts(theirs, ours);
    expect(gradeUpdates(conflicts, { t1: 'theirs', t3: 'ours' })).toEqual([
      { entityId: 'z', reliability: 'C' },
    ]);
    expect(gradeUpdates(conflicts, {})).toEqual([]);
  });
});
