/**
 * The JSON shape of `npm run -s suggest` (issue 13): one line per file, kinds spelled as the
 * issue spells them. Pure, so the CLI, the scorer and tests share it.
 */
import type { SuggestedKind, Suggestion } from './types';

export type CliKind = 'direct' | 'indirect' | 'reported' | 'unattributed';

export interface CliClaim {
  content: string;
  start: number;
  end: number;
  speaker: string | null;
  role: string | null;
  cue: string | null;
  via: string[];
  kind: CliKind;
  saidOn: string | null;
}

const CLI_KINDS = {
  direct_quote: 'direct',
  indirect_speech: 'indirect',
  reported: 'reported',
  unattributed: 'unattributed',
} as const satisfies Record<SuggestedKind, CliKind>;

export function toCliClaim(text: string, s: Suggestion): CliClaim {
  return {
    content: text.slice(s.content.start, s.content.end),
    start: s.content.start,
    end: s.content.end,
    // An unresolved "he" names no one: null, as for a claim with no speaker.
    speaker: s.speakerName,
    role: s.role,
    cue: s.cue,
    via: s.via,
    kind: CLI_KINDS[s.kind],
    saidOn: s.saidOn,
  };
}
