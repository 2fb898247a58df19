import { describe, expect, it } from 'vitest';
import { toCliClaim } from './cli';
import { suggestClaims } from './suggest';

describe('toCliClaim', () => {
  it('prints the issue shape with its spelling of kinds', () => {
    const text = 'Reuters reported that the talks had stalled. "We are done," Smith said.';
    const out = suggestClaims(text, { outlet: 'Digest' }).map((s) => toCliClaim(text, s));
    expect(out.map((c) => c.kind)).toEqual(['reported', 'direct']);
    const [first] = out;
    expect(first && text.slice(first.start, first.end)).toBe(first?.content);
    expect(Object.keys(first ?? {}).sort()).toEqual(
      ['content', 'cue', 'end', 'kind', 'role', 'saidOn', 'speaker', 'start', 'via'].sort(),
    );
  });
});
