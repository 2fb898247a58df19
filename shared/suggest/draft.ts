/**
 * One suggestion from one raw claim: its speaker resolved across the document, its kind, its
 * chain (outlets named around it, the document's outlet last), its date and its key.
 */
import type { Discourse, Mention, Resolved } from './coref';
import { chainAround } from './chain';
import { saidOn } from './dates';
import { suggestionKey } from './key';
import type { Phrase } from './phrases';
import type { RawClaim, SentenceView } from './raw';
import type { Sentence } from './sentences';
import type { Token } from './tokens';
import type { SuggestedKind, SuggestOptions, Suggestion } from './types';

/** The last speaker: a quote standing alone is theirs. */
export interface Current {
  resolved: Resolved;
  speaker: Suggestion['speaker'];
  paragraph: number;
  /** The chain of the claim, without the document's outlet. */
  intermediaries: string[];
}

export function build(
  claim: RawClaim,
  sentence: Sentence,
  view: SentenceView,
  discourse: Discourse,
  current: Current | null,
  options: SuggestOptions,
  resolvedAt: Map<number, Resolved>,
  windows: [number, number][],
): Suggestion | null {
  const { text } = view;
  let resolved: Resolved | null = null;
  let speaker: Suggestion['speaker'] = null;
  let confidence = claim.confidence;
  if (claim.speaker) {
    const p = claim.speaker.phrase;
    resolved = resolvedAt.get(p.start) ?? discourse.resolve(p, p.start, sentence.paragraph);
    resolvedAt.set(p.start, resolved);
    speaker = { start: p.start, end: p.end, text: p.text };
    if (resolved.type !== 'anonymous' && resolved.name) {
      discourse.mention({
        name: resolved.name,
        type: mentionType(resolved, p),
        pos: p.start,
        paragraph: sentence.paragraph,
        ...(p.gender ? { gender: p.gender } : {}),
        ...(claim.speaker.role ? { role: claim.speaker.role } : {}),
        spoke: true,
      });
    }
    // An "it" or "they" with no organisation to stand for is rarely a speaker ("boats it says
    // carry drugs").
    if (!resolved.name && p.type === 'pronoun' && !p.gender && resolved.type !== 'anonymous')
      return null;
    if (!resolved.name && resolved.type !== 'anonymous') confidence *= 0.6;
  } else if (claim.inherit) {
    if (!current || current.paragraph < sentence.paragraph - 2) confidence *= 0.5;
    else {
      resolved = current.resolved;
      speaker = current.speaker;
      if (current.paragraph < sentence.paragraph - 1) confidence *= 0.8;
    }
  }
  const kind = kindOf(claim, resolved);
  const speakerName = kind === 'unattributed' ? null : (resolved?.name ?? null);
  const content = text.slice(claim.start, claim.end);
  const via = [...claim.via];
  for (const [from, to] of windows)
    for (const name of chainAround(view.tokens, from, to, (n) => discourse.isOutlet(n)))
      if (!via.includes(name) && !sameName(name, speakerName)) via.push(name);
  // "Galeotti told Radio Liberty … In a perverse sense, he argued, …": the same interview.
  if (
    via.length === 0 &&
    current?.intermediaries.length &&
    current.paragraph === sentence.paragraph &&
    current.resolved.name === speakerName
  )
    via.push(...current.intermediaries);
  if (
    options.outlet &&
    !sameName(options.outlet, speakerName) &&
    !via.some((v) => sameName(v, options.outlet ?? null))
  )
    via.push(options.outlet);
  const s = tokenSpan(view);
  const attribution = `${text.slice(s.start, claim.start)} ${text.slice(claim.end, s.end)}`;
  return {
    key: suggestionKey(content, speakerName),
    kind,
    content: { start: claim.start, end: claim.end },
    speaker: kind === 'unattributed' ? null : speaker,
    speakerName,
    entityId: kind === 'unattributed' ? null : (resolved?.entityId ?? null),
    speakerType: kind === 'unattributed' ? null : (resolved?.type ?? null),
    role: kind === 'unattributed' ? null : (claim.speaker?.role ?? resolved?.role ?? null),
    cue: claim.cue,
    via,
    saidOn: claim.inherit ? null : saidOn(attribution, options.publishedAt),
    confidence: Math.round(confidence * 100) / 100,
  };
}

/** A singular unnamed speaker ("a spokeswoman for the trust") can be "she" later. */
function mentionType(resolved: Resolved, p: Phrase): Mention['type'] {
  if (resolved.type === 'group')
    return /^(?:an?|one|the)\s/iu.test(p.text) && !/s$/u.test(p.text.split(/\s+/u)[1] ?? '')
      ? 'person'
      : 'group';
  return resolved.type === 'anonymous' ? 'group' : resolved.type;
}

/**
 * Token ranges of the claim's sentence before and after its content, each up to the next
 * claim's content: where its chain may be named.
 */
export function claimWindows(
  view: SentenceView,
  claim: RawClaim,
  all: readonly RawClaim[],
): [number, number][] {
  const prevEnd = Math.max(
    -1,
    ...all.filter((c) => c !== claim && c.end <= claim.start).map((c) => c.end),
  );
  const nextStart = Math.min(
    Infinity,
    ...all.filter((c) => c !== claim && c.start >= claim.end).map((c) => c.start),
  );
  const range = (test: (t: Token) => boolean): [number, number] => {
    let a = -1;
    let b = -1;
    for (let i = view.from; i < view.to; i++) {
      const t = view.tokens[i];
      if (!t || !test(t)) continue;
      if (a < 0) a = i;
      b = i + 1;
    }
    return a < 0 ? [0, 0] : [a, b];
  };
  return [
    range((t) => t.start >= prevEnd && t.end <= claim.start),
    range((t) => t.start >= claim.end && t.end <= nextStart),
  ];
}

function kindOf(claim: RawClaim, resolved: Resolved | null): SuggestedKind {
  if (claim.kind === 'hedge' || resolved?.type === 'anonymous') return 'unattributed';
  if (resolved?.type === 'outlet') return 'reported';
  return claim.kind === 'direct' ? 'direct_quote' : 'indirect_speech';
}

const sameName = (a: string, b: string | null): boolean =>
  b !== null &&
  a.replace(/^the\s+/iu, '').toLowerCase() === b.replace(/^the\s+/iu, '').toLowerCase();

function tokenSpan(view: SentenceView): { start: number; end: number } {
  return { start: view.tokens[view.from]?.start ?? 0, end: view.tokens[view.to - 1]?.end ?? 0 };
}
