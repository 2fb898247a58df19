import { describe, expect, it } from 'vitest';
import { findByName, namesOf, normalizeName, rankByName } from './names';

const entity = (name: string, aliases: string[] = []) => ({ name, aliases });

describe('normalizeName', () => {
  it('ignores case, accents and punctuation, and collapses spaces', () => {
    expect(normalizeName('  Mária   ZAKHAROVA! ')).toBe('maria zakharova');
    expect(normalizeName('RFE/RL')).toBe('rfe rl');
    expect(normalizeName('Lenta.ru')).toBe('lenta ru');
    expect(normalizeName('Müller-Lüdenscheidt')).toBe('muller ludenscheidt');
    expect(normalizeName('Мария Захарова')).toBe('мария захарова');
    // The same name typed with a precomposed or a combining accent is one name.
    expect(normalizeName('Jos\u00e9')).toBe(normalizeName('Jose\u0301'));
  });

  it('leaves nothing of a name made only of punctuation or spaces', () => {
    expect(normalizeName(' -- / . ')).toBe('');
    expect(normalizeName('')).toBe('');
  });
});

describe('findByName', () => {
  const zakharova = entity('Maria Zakharova', ['Zakharova', 'Мария Захарова']);
  const liberty = entity('Radio Liberty', ['RFE/RL', 'Radio Svoboda']);
  const all = [zakharova, liberty];

  it('finds an entity by its name or any alias, however written', () => {
    expect(findByName(all, 'maria zakharova')).toBe(zakharova);
    expect(findByName(all, 'ZAKHÁROVA')).toBe(zakharova);
    expect(findByName(all, 'мария захарова')).toBe(zakharova);
    expect(findByName(all, 'rfe-rl')).toBe(liberty);
    expect(findByName(all, ' Radio  Svoboda. ')).toBe(liberty);
  });

  it('matches whole names only, and nothing for an empty name', () => {
    expect(findByName(all, 'Maria')).toBeUndefined();
    expect(findByName(all, 'Radio')).toBeUndefined();
    expect(findByName(all, '...')).toBeUndefined();
    expect(findByName([entity('...')], '!!!')).toBeUndefined();
  });

  it('lists the name first, then the aliases', () => {
    expect(namesOf(liberty)).toEqual(['Radio Liberty', 'RFE/RL', 'Radio Svoboda']);
  });
});

describe('rankByName', () => {
  const entities = [
    entity('Omar Khalid'),
    entity('Radio Marti'),
    entity('Mark Galeotti', ['Galeotti']),
    entity('Lenta.ru'),
    entity('Maria Zakharova'),
    entity('Mar'),
  ];
  const names = (list: { name: string }[]) => list.map((e) => e.name);

  it('ranks an exact name, then a prefix, then a word prefix, then a substring', () => {
    expect(names(rankByName(entities, 'mar'))).toEqual([
      'Mar',
      'Maria Zakharova',
      'Mark Galeotti',
      'Radio Marti',
      'Omar Khalid',
    ]);
  });

  it('scores an entity by its best-matching alias', () => {
    const withAlias = [entity('Maria Zakharova'), entity('Ministry of Foreign Affairs', ['MAR'])];
    expect(names(rankByName(withAlias, 'Mar'))).toEqual([
      'Ministry of Foreign Affairs',
      'Maria Zakharova',
    ]);
    expect(names(rankByName(entities, 'galeotti'))).toEqual(['Mark Galeotti']);
  });

  it('normalises the query, honours the limit, and lists all for an empty query', () => {
    expect(names(rankByName(entities, ' MÁR ', 2))).toEqual(['Mar', 'Maria Zakharova']);
    expect(rankByName(entities, 'xyz')).toEqual([]);
    expect(rankByName(entities, '', 3)).toEqual(entities.slice(0, 3));
  });
});
