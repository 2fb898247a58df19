import { describe, expect, it } from 'vitest';
import { cueWord } from './cues';
import { scanQuotes } from './quotes';
import { tokenize } from './tokens';
import { isVerbUse } from './verbs';

function verbUse(text: string, cue: string): boolean {
  const { tokens } = tokenize(text, scanQuotes(text));
  const c = tokens.findIndex((t) => t.text === cue);
  const info = cueWord(cue);
  if (!info) throw new Error(`${cue} is no cue`);
  return isVerbUse({ tokens, text, from: 0, to: tokens.length }, c, info);
}

describe('isVerbUse', () => {
  it('takes verbs of saying where they are verbs', () => {
    expect(verbUse('The ministry said it was ready', 'said')).toBe(true);
    expect(verbUse('Officials report that the road is closed', 'report')).toBe(true);
    expect(verbUse('Police believe the fire was arson', 'believe')).toBe(true);
    expect(verbUse('Researchers at the University of Turin estimate that', 'estimate')).toBe(true);
  });

  it('leaves nouns, infinitives, passives and negations', () => {
    expect(verbUse('The claims were denied', 'claims')).toBe(false);
    expect(verbUse('a newspaper report that it would close', 'report')).toBe(false);
    expect(verbUse("The party's state leader won", 'state')).toBe(false);
    expect(verbUse('pressed lawyers to explain how', 'explain')).toBe(false);
    expect(verbUse('potholes reported to the council', 'reported')).toBe(false);
    expect(verbUse('He did not say when', 'say')).toBe(false);
  });
});
