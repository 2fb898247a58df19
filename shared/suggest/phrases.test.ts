import { describe, expect, it } from 'vitest';
import { phraseEndingAt } from './phrases';
import { scanQuotes } from './quotes';
import { tokenize } from './tokens';

function phraseOf(
  text: string,
  loose = false,
): { type: string; text: string; title: string | null } | null {
  const { tokens } = tokenize(text, scanQuotes(text));
  const p = phraseEndingAt(tokens, 0, tokens.length - 1, loose);
  return p ? { type: p.type, text: p.text, title: p.title } : null;
}

describe('phraseEndingAt', () => {
  it('splits a title from a name', () => {
    expect(phraseOf('Russian Foreign Minister Sergei Lavrov')).toEqual({
      type: 'person',
      text: 'Sergei Lavrov',
      title: 'Russian Foreign Minister',
    });
    expect(phraseOf("the Kremlin's spokesman Dmitry Peskov")?.title).toBe("Kremlin's spokesman");
    expect(phraseOf('Mr. Barraclough')).toMatchObject({
      type: 'person',
      text: 'Barraclough',
      title: null,
    });
  });

  it('tells outlets, organisations and places from people', () => {
    expect(phraseOf('the Washington Post')?.type).toBe('outlet');
    expect(phraseOf('Lenta.ru')?.type).toBe('outlet');
    expect(phraseOf('the daily Kommersant')?.type).toBe('outlet');
    expect(phraseOf('the Russian Foreign Ministry')?.type).toBe('org');
    expect(phraseOf('Ministry of Defence')).toMatchObject({
      type: 'org',
      text: 'Ministry of Defence',
    });
    expect(phraseOf('Moscow')?.type).toBe('org');
    expect(phraseOf('Skerry Point')?.type).toBe('org');
  });

  it('reads pronouns with their gender', () => {
    const { tokens } = tokenize('she', []);
    expect(phraseEndingAt(tokens, 0, 0)).toMatchObject({ type: 'pronoun', gender: 'f' });
  });

  it('reads common-noun speakers', () => {
    expect(phraseOf('the spokesperson')?.type).toBe('roleRef');
    expect(phraseOf('two senior officials')?.type).toBe('group');
    expect(phraseOf('the newspaper')?.type).toBe('outletRef');
    expect(phraseOf('a flight-tracking site')?.type).toBe('outlet');
    expect(phraseOf('the ministry')?.type).toBe('orgRef');
    expect(phraseOf('Russian sources')?.type).toBe('anonymous');
    expect(phraseOf('people familiar with the talks')?.type).toBe('anonymous');
    expect(phraseOf('a spokesperson for the Foreign Ministry')).toMatchObject({
      type: 'group',
      text: 'a spokesperson for the Foreign Ministry',
    });
  });

  it('takes any noun as a cue subject only when told to', () => {
    expect(phraseOf('the referee')).toBeNull();
    expect(phraseOf('the referee', true)?.type).toBe('group');
  });
});
