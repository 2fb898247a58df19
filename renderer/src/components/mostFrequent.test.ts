import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../shared/domain/schemas';
import { mostFrequent } from './mostFrequent';

const entity = (id: string, name: string): Entity => ({
  id,
  name,
  aliases: [],
  kind: 'person',
  role: '',
  affiliation: '',
  notes: '',
  reliability: 'F',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('mostFrequent', () => {
  it('counts an entity as speaker and as outlet together, most first, by name among equals', () => {
    const entities = [
      entity('a', 'Zed'),
      entity('b', 'Anna'),
      entity('c', 'Mia'),
      entity('d', 'Bo'),
    ];
    const { shown, more } = mostFrequent(
      [
        { id: 'a', count: 2 },
        { id: 'b', count: 1 },
        { id: 'c', count: 3 },
      ],
      [
        { id: 'a', count: 2 },
        { id: 'd', count: 3 },
      ],
      entities,
      3,
    );
    expect(shown.map((p) => [p.entity.name, p.count])).toEqual([
      ['Zed', 4],
      ['Bo', 3],
      ['Mia', 3],
    ]);
    expect(more).toBe(1);
  });

  it('orders by name the ties at the cut, keeping the same choice as a full sort', () => {
    const names = ['Kim', 'Abe', 'Lou', 'Cy', 'Eve', 'Dan'];
    const entities = names.map((n, i) => entity(`e${i}`, n));
    const facets = names.map((_, i) => ({ id: `e${i}`, count: i === 0 ? 5 : 1 }));
    const { shown, more } = mostFrequent(facets, [], entities, 3);
    expect(shown.map((p) => p.entity.name)).toEqual(['Kim', 'Abe', 'Cy']);
    expect(more).toBe(3);
  });

  it('leaves out ids with no entity, and shows all when there are fewer than the limit', () => {
    const { shown, more } = mostFrequent([{ id: 'gone', count: 9 }], [], [entity('x', 'X')], 50);
    expect(shown).toEqual([]);
    expect(more).toBe(0);
  });
});
