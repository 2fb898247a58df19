import { describe, expect, it } from 'vitest';
import { suggestClaims } from './suggest';

const speakers = (text: string, options = {}): (string | null)[] =>
  suggestClaims(text, options).map((s) => s.speakerName);

describe('speaker resolution across the document', () => {
  it('resolves a surname to the full name met earlier', () => {
    expect(
      speakers('Mark Galeotti said the plan would fail. Later Galeotti said it had failed.'),
    ).toEqual(['Mark Galeotti', 'Mark Galeotti']);
  });

  it('resolves he and she to the nearest speaker of that gender', () => {
    const text =
      'Maria Zakharova said Moscow was ready to help. Mark Galeotti said Moscow could do little. She added that talks would go on.';
    expect(speakers(text)).toEqual(['Maria Zakharova', 'Mark Galeotti', 'Maria Zakharova']);
  });

  it('resolves a pronoun to the subject of the previous sentence', () => {
    const text =
      'Alexey Chepa said Russia would help. The transport minister, Etienne Marchal, called the strike irresponsible. "It is a hostage-taking," he said.';
    expect(speakers(text).at(-1)).toBe('Etienne Marchal');
  });

  it('resolves "the spokesperson" and "the ministry"', () => {
    const text =
      "The ministry's spokesperson, Daria Volkonskaya, said the embassy would stay open. The spokesperson said no decision had been taken.";
    expect(speakers(text)).toEqual(['Daria Volkonskaya', 'Daria Volkonskaya']);
    const org =
      'The Russian Foreign Ministry said it was concerned. The ministry said talks would continue.';
    expect(speakers(org)).toEqual(['Russian Foreign Ministry', 'Russian Foreign Ministry']);
  });

  it('resolves "the newspaper" to the outlet named before', () => {
    const text =
      'Kommersant reported that two ships had moved. According to the newspaper, more would follow.';
    expect(speakers(text)).toEqual(['Kommersant', 'Kommersant']);
  });

  it('matches aliases of known entities', () => {
    const [s] = suggestClaims('Zakharova said the talks would resume soon.', {
      knownEntities: [
        { id: 'e1', name: 'Maria Zakharova', aliases: ['Zakharova'], kind: 'person' },
      ],
    });
    expect(s).toMatchObject({ speakerName: 'Maria Zakharova', entityId: 'e1' });
  });
});
