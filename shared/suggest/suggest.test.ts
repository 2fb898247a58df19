import { describe, expect, it } from 'vitest';
import { suggestClaims } from './suggest';
import type { SuggestOptions } from './types';

interface Seen {
  kind: string;
  content: string;
  speaker: string | null;
  cue: string | null;
}

function claims(text: string, options: SuggestOptions = {}): Seen[] {
  return suggestClaims(text, options).map((s) => ({
    kind: s.kind,
    content: text.slice(s.content.start, s.content.end),
    speaker: s.speakerName,
    cue: s.cue,
  }));
}

describe('suggestClaims: direct quotes', () => {
  it('attributes a quote to the cue after it, inverted or not', () => {
    expect(claims('"We will not back down," Smith said.')).toEqual([
      { kind: 'direct_quote', content: 'We will not back down', speaker: 'Smith', cue: 'said' },
    ]);
    expect(claims('"We will not back down," said Jane Smith.')[0]?.speaker).toBe('Jane Smith');
  });

  it('attributes a quote to the cue before it, after a colon or a comma', () => {
    expect(claims('Jane Smith added: "The money is gone."')[0]).toMatchObject({
      kind: 'direct_quote',
      speaker: 'Jane Smith',
    });
    expect(claims('The minister was blunt: "No deal."')[0]?.speaker).toBe('The minister');
  });

  it('joins a quote split around its cue', () => {
    const text = '"I have been in football thirty years," Doherty said, "and never seen that."';
    expect(claims(text)).toEqual([
      {
        kind: 'direct_quote',
        content: 'I have been in football thirty years," Doherty said, "and never seen that.',
        speaker: 'Doherty',
        cue: 'said',
      },
    ]);
  });

  it('gives a quote standing alone to the last speaker', () => {
    const text = '"We signed the last three," said Laura Pettigrew.\n\n"Look where that got us."';
    expect(claims(text).map((c) => c.speaker)).toEqual(['Laura Pettigrew', 'Laura Pettigrew']);
  });

  it('gives a quote to the speaker announced with a colon in the paragraph before', () => {
    const text = 'Foreign Minister Anna Berg told reporters:\n\n"We will not back down."';
    expect(claims(text)).toMatchObject([{ kind: 'direct_quote', speaker: 'Anna Berg' }]);
  });

  it('reads a quote over several paragraphs as one', () => {
    const text = 'Ellison says: "It was never lonely.\n\n"The winter they took the light was."';
    expect(claims(text)).toHaveLength(1);
    expect(claims(text)[0]?.content).toContain('The winter');
  });

  it('suggests no scare quotes or titles', () => {
    expect(claims('The so-called "slow burn" drama "The Long Road Home" was renewed.')).toEqual([]);
  });
});

describe('suggestClaims: indirect speech', () => {
  it('reads "X said that", "X told Y that" and a bare "said"', () => {
    expect(claims('Sitenko said that the war rules out sending troops.')[0]).toMatchObject({
      kind: 'indirect_speech',
      content: 'the war rules out sending troops',
    });
    const told = suggestClaims('Chepa told Lenta.ru that Russia would help.', {
      outlet: 'Digest',
    })[0];
    expect(told?.via).toEqual(['Lenta.ru', 'Digest']);
    expect(claims('Smith said the plan was dead.')[0]?.content).toBe('the plan was dead');
  });

  it('reads a cue after the claim and a parenthetical cue', () => {
    expect(claims('Russia could offer little, Galeotti argued.')[0]?.content).toBe(
      'Russia could offer little',
    );
    expect(claims('In a sense, he argued, Moscow would gain.')[0]?.content).toContain(
      'Moscow would gain',
    );
  });

  it('reads "according to X" before and after the claim', () => {
    expect(claims('According to the Washington Post, Maduro wrote to Putin.')[0]).toMatchObject({
      kind: 'reported',
      speaker: 'Washington Post',
      content: 'Maduro wrote to Putin',
    });
    expect(claims('Maduro wrote to Putin, according to Reuters.')[0]?.speaker).toBe('Reuters');
  });

  it('keeps a mixed quote inside its proposition', () => {
    const text = 'He cautioned that Russia is fighting "the entire NATO bloc", which limits it.';
    expect(claims(text).map((c) => c.kind)).toEqual(['indirect_speech']);
  });

  it('reads "TASS quoted X as saying" with the outlet in the chain', () => {
    const [s] = suggestClaims('TASS quoted Dmitry Peskov as saying that the drills were routine.');
    expect(s).toMatchObject({ speakerName: 'Dmitry Peskov', via: ['TASS'] });
  });

  it('reads a continuation and a coordination', () => {
    const text = 'Vollmer defended the cut, adding that the subsidy had done its job.';
    expect(claims(text)[0]).toMatchObject({
      speaker: 'Vollmer',
      content: 'the subsidy had done its job',
    });
    const both = claims('Holt said the chain was struggling but argued that the plan was working.');
    expect(both.map((c) => c.content)).toEqual([
      'the chain was struggling',
      'the plan was working',
    ]);
  });

  it('splits two speakers in one sentence and ends a clause before a closing attribution', () => {
    expect(
      claims('Smith said the deal was dead, while Jones said talks would continue.'),
    ).toMatchObject([
      { speaker: 'Smith', content: 'the deal was dead' },
      { speaker: 'Jones', content: 'talks would continue' },
    ]);
    const nested = claims('Putin told Trump that Russia would refuse, Ushakov told reporters.');
    expect(nested.map((c) => [c.speaker, c.content])).toContainEqual([
      'Putin',
      'Russia would refuse',
    ]);
  });

  it('skips an adverbial between the speaker and the cue', () => {
    expect(
      claims('The Kremlin, in a readout of the call, said the leaders had talked.')[0]?.speaker,
    ).toBe('Kremlin');
  });

  it('takes no claim from a negated cue', () => {
    expect(claims('Aydin did not say when that might be.')).toEqual([]);
  });

  it('does not take nouns or infinitives for cues', () => {
    expect(
      claims('The claims were denied. Lawyers pressed him to explain how the fee was set.'),
    ).toEqual([]);
  });
});

describe('suggestClaims: outlets, hedges, dates and repeats', () => {
  it('marks claims by outlets as reported', () => {
    expect(claims('Reuters reported that the talks had stalled.')[0]?.kind).toBe('reported');
  });

  it('flags hedges and anonymous sources as unattributed', () => {
    expect(claims('Venezuela reportedly holds 5,000 missiles.')[0]).toMatchObject({
      kind: 'unattributed',
      speaker: null,
      cue: 'reportedly',
    });
    expect(claims('It is believed that the building was empty.')[0]?.content).toBe(
      'the building was empty',
    );
    expect(claims('Sources said prosecutors were examining the records.')[0]?.kind).toBe(
      'unattributed',
    );
  });

  it('dates a claim from the words around it', () => {
    const [s] = suggestClaims('Zakharova said on 30 October that Moscow condemns the strikes.', {
      publishedAt: '2025-11-03',
    });
    expect(s?.saidOn).toBe('2025-10-30');
  });

  it('suggests a repeated paragraph once', () => {
    const para = 'Chepa told Lenta.ru that Russia would help Venezuela.';
    expect(claims(`${para}\n\nOther news.\n\n${para}`)).toHaveLength(1);
  });

  it('gives exact offsets, a stable key and a confidence', () => {
    const text = 'Intro.\n\n“Nous ne céderons pas,” dit-elle, said Mathilde Rousseau.';
    for (const s of suggestClaims(text)) {
      expect(s.content.end).toBeGreaterThan(s.content.start);
      expect(s.key).toMatch(/^[0-9a-f]{14}$/u);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    expect(suggestClaims(text)[0]?.key).toBe(suggestClaims(`More.\n\n${text}`)[0]?.key);
  });
});
