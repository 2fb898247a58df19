/**
 * The naive baseline the issue measures against: every span between quotation marks is a
 * direct quote with no speaker. Printed beside the extractor so the gain is visible.
 */
import type { CliClaim } from '../../shared/suggest/cli';

const QUOTED = /"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»|„([^“\n]+)“|「([^」\n]+)」|‘([^’\n]+)’/gu;

export function naiveQuotes(text: string): CliClaim[] {
  const out: CliClaim[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const inner = m.slice(1).find((g) => g !== undefined) ?? '';
    const start = (m.index ?? 0) + 1;
    out.push({
      content: inner,
      start,
      end: start + inner.length,
      speaker: null,
      role: null,
      cue: null,
      via: [],
      kind: 'direct',
      saidOn: null,
    });
  }
  return out;
}
