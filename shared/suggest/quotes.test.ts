import { describe, expect, it } from 'vitest';
import { outermost, scanQuotes } from './quotes';

const inner = (text: string): string[] =>
  outermost(scanQuotes(text)).map((q) => text.slice(q.innerStart, q.innerEnd));

describe('scanQuotes', () => {
  it('reads straight and typographic double quotes', () => {
    expect(inner('"We will win," she said.')).toEqual(['We will win,']);
    expect(inner('“We will win,” she said, “again.”')).toEqual(['We will win,', 'again.']);
  });

  it('keeps a nested single quote inside the outer quote', () => {
    const text = '“He said, ‘Nobody has died,’ and left,” Strand said.';
    expect(inner(text)).toEqual(['He said, ‘Nobody has died,’ and left,']);
    expect(scanQuotes(text)).toHaveLength(2);
  });

  it('reads guillemets, German low-high quotes, reversed guillemets and CJK brackets', () => {
    expect(inner('« Nous ne céderons pas », dit-elle.')).toEqual([' Nous ne céderons pas ']);
    expect(inner('„Wir sparen“, sagte sie.')).toEqual(['Wir sparen']);
    expect(inner('»Wir sind die Mehrheit«, sagte er.')).toEqual(['Wir sind die Mehrheit']);
    expect(inner('«Фраза „ни одна“ звучит смело», написала она.')).toEqual([
      'Фраза „ни одна“ звучит смело',
    ]);
    expect(inner('「地下水を守る」と述べた。『別』')).toEqual(['地下水を守る', '別']);
  });

  it('does not take apostrophes or plural possessives for quotes', () => {
    expect(inner("The ministers' decision wasn't final, it's said.")).toEqual([]);
    expect(inner("‘The ministers' plan is dead,’ he said.")).toEqual([
      "The ministers' plan is dead,",
    ]);
    expect(inner('Doctors don’t agree, and we don’t either.')).toEqual([]);
  });

  it('continues a quote into the next paragraph that reopens it', () => {
    const text = '"It wasn\'t lonely.\n\n"The winter was lonely," she says.';
    const [q] = outermost(scanQuotes(text));
    expect(q?.paragraphs).toBe(2);
    expect(text.slice(q?.innerStart, q?.innerEnd)).toBe(
      'It wasn\'t lonely.\n\n"The winter was lonely,',
    );
  });

  it('drops a quote left open at a paragraph end with no continuation', () => {
    expect(inner('He called it "a farce.\n\nThe talks went on.')).toEqual([]);
  });
});
