import { describe, expect, it } from 'vitest';
import { scanQuotes } from './quotes';
import { subjectAfter, subjectBefore } from './speaker';
import { tokenize } from './tokens';

function before(text: string, cue: string): { name: string; role: string | null } | null {
  const { tokens } = tokenize(text, scanQuotes(text));
  const c = tokens.findIndex((t) => t.text === cue);
  const s = subjectBefore(tokens, text, 0, c);
  return s ? { name: s.phrase.text, role: s.role } : null;
}

function after(text: string, cue: string): { name: string; role: string | null } | null {
  const { tokens } = tokenize(text, scanQuotes(text));
  const c = tokens.findIndex((t) => t.text === cue);
  const s = subjectAfter(tokens, text, c, tokens.length - 1);
  return s ? { name: s.phrase.text, role: s.role } : null;
}

describe('subjectBefore', () => {
  it('takes the role from an apposition', () => {
    expect(
      before('Alexandra Sitenko, a political scientist based in Berlin, said it', 'said'),
    ).toEqual({
      name: 'Alexandra Sitenko',
      role: 'political scientist based in Berlin',
    });
  });

  it('walks over an apposition that holds an organisation after a comma', () => {
    const text =
      'Mark Galeotti, an emeritus professor at the School of Slavonic and East European Studies, University College London, told Radio Liberty';
    expect(before(text, 'told')?.name).toBe('Mark Galeotti');
  });

  it('reads a role before the name', () => {
    expect(before("The ministry's spokesperson, Maria Zakharova, said it", 'said')).toEqual({
      name: 'Maria Zakharova',
      role: "ministry's spokesperson",
    });
  });

  it('skips auxiliaries, adverbs and dates between speaker and cue', () => {
    expect(before('Smith has also repeatedly said it', 'said')?.name).toBe('Smith');
    expect(before('The ministry on Friday rejected it', 'rejected')?.name).toBe('The ministry');
  });

  it('reads a relative clause and a name given in an apposition', () => {
    expect(before('NRK, which said it', 'said')?.name).toBe('NRK');
    expect(before('A police marksman who shot a man told the inquest', 'told')?.name).toBe(
      'A police marksman',
    );
    expect(before('The officer, identified only as W14, said it', 'said')?.name).toBe('W14');
  });

  it('finds no speaker in a clause that is not a name', () => {
    expect(before('Russia will help Venezuela, said Chepa', 'said')).toBeNull();
  });
});

describe('subjectAfter', () => {
  it('reads an inverted speaker and the apposition after it', () => {
    expect(
      after('"It is over," said Sen. Laura Pettigrew, a Republican from Ohio.', 'said'),
    ).toEqual({
      name: 'Laura Pettigrew',
      role: 'Republican from Ohio',
    });
    expect(
      after('"It is over," said the ministry\'s spokesperson, Maria Zakharova.', 'said')?.name,
    ).toBe('Maria Zakharova');
  });
});
