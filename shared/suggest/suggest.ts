/**
 * The offline claim extractor of issue 13: quotations, indirect speech, reports by outlets and
 * hedged assertions, each with its speaker resolved across the document, its role, cue, chain
 * and date. Pure and synchronous: the same text and options always give the same suggestions.
 */
import { Discourse, type Mention, type Resolved } from './coref';
import { saidOn } from './dates';
import { chainAround } from './chain';
import { cueWord } from './cues';
import { dedupe } from './dedup';
import { softBreaks } from './layout';
import { directQuotes, unattachedQuotes } from './direct';
import { hedgedClaims } from './hedges';
import { indirectSpeech } from './indirect';
import { suggestionKey } from './key';
import { phraseEndingAt, type Phrase } from './phrases';
import { scanQuotes } from './quotes';
import type { RawClaim, SentenceView } from './raw';
import { splitSentences, type Sentence } from './sentences';
import { subjectBefore, type Speaker } from './speaker';
import { isCapitalized, tokenize, type Token } from './tokens';
import type { SuggestedKind, SuggestOptions, Suggestion } from './types';

interface Current {
  resolved: Resolved;
  speaker: Suggestion['speaker'];
  paragraph: number;
  /** The chain of the claim, without the document's outlet. */
  intermediaries: string[];
}

export function suggestClaims(text: string, options: SuggestOptions = {}): Suggestion[] {
  const soft = softBreaks(text);
  const { tokens } = tokenize(text, scanQuotes(text, soft), soft);
  const sentences = splitSentences(tokens);
  const discourse = new Discourse(options.knownEntities ?? []);
  const drafts: Suggestion[] = [];
  let current: Current | null = null;
  // One phrase resolves once: "she told FAZ, adding that …" gives two claims by one "she".
  const resolvedAt = new Map<number, Resolved>();
  sentences.forEach((sentence, index) => {
    const view: SentenceView = { tokens, text, from: sentence.from, to: sentence.to };
    discourse.sentence = index;
    // Headlines and datelines carry no claims of their own.
    if (sentence.heading) return;
    const { claims: direct, used } = directQuotes(view);
    const raw = [...direct, ...indirectSpeech(view, used, direct)];
    raw.push(...unattachedQuotes(view, used));
    raw.push(...hedgedClaims(view, raw));
    raw.sort((a, b) => a.start - b.start);
    for (const claim of raw) {
      const windows = claimWindows(view, claim, raw);
      const draft = build(claim, sentence, view, discourse, current, options, resolvedAt, windows);
      if (!draft) continue;
      drafts.push(draft);
      if (draft.speakerName && draft.kind !== 'unattributed')
        current = {
          resolved: resolvedOf(draft),
          speaker: draft.speaker,
          paragraph: sentence.paragraph,
          intermediaries: draft.via.filter((v) => v !== options.outlet),
        };
    }
    // "Foreign Minister Anna Berg told reporters:" and the quote in the next paragraph.
    const announced = raw.length === 0 ? announcedSpeaker(view) : null;
    if (announced) {
      const resolved = discourse.resolve(
        announced.phrase,
        announced.phrase.start,
        sentence.paragraph,
      );
      if (resolved.name && resolved.type !== 'anonymous') {
        const p = announced.phrase;
        current = {
          resolved: { ...resolved, role: announced.role ?? resolved.role },
          speaker: { start: p.start, end: p.end, text: p.text },
          paragraph: sentence.paragraph + 1,
          intermediaries: [],
        };
      }
    }
    registerMentions(view, sentence, discourse);
    // Whoever spoke in this sentence is who "he" or "she" most likely means in the next.
    const speaker = drafts.find(
      (d) =>
        d.content.start >= (tokens[sentence.from]?.start ?? 0) &&
        d.speakerName &&
        d.kind !== 'reported' &&
        d.kind !== 'unattributed',
    );
    if (speaker?.speakerName) discourse.setSubject(speaker.speakerName);
  });
  const kept = dedupe(
    drafts.map((d) => ({
      text: text.slice(d.content.start, d.content.end),
      speaker: d.speakerName,
    })),
  );
  return kept.map((i) => drafts[i]).filter((d): d is Suggestion => d !== undefined);
}

const resolvedOf = (d: Suggestion): Resolved => ({
  name: d.speakerName,
  entityId: d.entityId,
  type: d.kind === 'reported' ? 'outlet' : 'person',
  role: d.role,
});

function build(
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
function claimWindows(
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

/** A sentence that ends "X said:" with nothing after it announces the next quote's speaker. */
function announcedSpeaker(view: SentenceView): Speaker | null {
  const last = view.to - 1;
  if (view.tokens[last]?.text !== ':') return null;
  for (let c = last - 1; c >= Math.max(view.from, last - 8); c--) {
    const t = view.tokens[c];
    const info = t ? cueWord(t.text) : undefined;
    if (info && !info.participle) return subjectBefore(view.tokens, view.text, view.from, c);
  }
  return null;
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

/** Names in the sentence, for later surnames, pronouns and "the ministry". */
function registerMentions(view: SentenceView, sentence: Sentence, discourse: Discourse): void {
  const { tokens } = view;
  let subjectSeen = false;
  for (let i = view.from; i < view.to; i++) {
    const t: Token | undefined = tokens[i];
    if (!isCapitalized(t) || isCapitalized(tokens[i + 1])) continue;
    const phrase = phraseEndingAt(tokens, view.from, i);
    if (!phrase || !t) continue;
    const type = phrase.type;
    if (type === 'person' && !phrase.text.includes(' ') && !phrase.title) {
      // A surname alone counts when it stands for someone named in full before.
      const full = discourse.fullNameOf(phrase.text);
      if (full && !subjectSeen && i - view.from < 16) discourse.setSubject(full);
      subjectSeen ||= full !== undefined;
      continue;
    }
    if (type !== 'person' && type !== 'org' && type !== 'outlet') continue;
    discourse.mention({
      name: phrase.text.replace(/^the\s+/iu, ''),
      type,
      pos: phrase.start,
      paragraph: sentence.paragraph,
      ...(phrase.gender ? { gender: phrase.gender } : {}),
      ...(phrase.title ? { role: phrase.title } : {}),
      spoke: false,
    });
    // The first person named in a sentence is most often its subject: "he" in the next one.
    if (type === 'person' && !subjectSeen && i - view.from < 16) discourse.setSubject(phrase.text);
    subjectSeen ||= type === 'person';
  }
}
