import { describe, expect, it } from 'vitest';
import { scanQuotes } from './quotes';
import { splitSentences } from './sentences';
import { tokenize } from './tokens';

function sentences(text: string): { text: string; heading: boolean }[] {
  const { tokens } = tokenize(text, scanQuotes(text));
  return splitSentences(tokens).map((s) => ({
    text: text.slice(tokens[s.from]?.start, tokens[s.to - 1]?.end),
    heading: s.heading,
  }));
}

describe('tokenize and splitSentences', () => {
  it('keeps abbreviations and initials inside the sentence', () => {
    expect(
      sentences('Mr. Smith met Dr. J. Doe at 9 a.m. on Monday. They talked.').map((s) => s.text),
    ).toEqual(['Mr. Smith met Dr. J. Doe at 9 a.m. on Monday.', 'They talked.']);
  });

  it('ends a sentence after U.S. when a new sentence starts', () => {
    expect(sentences('Sanctions hit the U.S. The ministry said so.')).toHaveLength(2);
    expect(sentences('The U.S. Navy said so.')).toHaveLength(1);
  });

  it('treats a quote as one token and keeps a short cue after it', () => {
    expect(
      sentences('"We will win. We always do." Smith said. Then he left.').map((s) => s.text),
    ).toEqual(['"We will win. We always do." Smith said.', 'Then he left.']);
  });

  it('marks a headline line as a heading', () => {
    const [title, body] = sentences('Company says profits fell\n\nThe company said profits fell.');
    expect(title?.heading).toBe(true);
    expect(body?.heading).toBe(false);
  });

  it('keeps a number with thousands separators as one word', () => {
    const { tokens } = tokenize('about £900,000 in total', []);
    expect(tokens.map((t) => t.text)).toEqual(['about', '£', '900,000', 'in', 'total']);
  });
});
