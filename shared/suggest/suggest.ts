/**
 * The offline claim extractor of issue 13: quotations, indirect speech, reports by outlets and
 * hedged assertions, each with its speaker resolved across the document, its role, cue, chain
 * and date. Pure and synchronous: the same text and options always give the same suggestions.
 */
import { Discourse, type Resolved } from './coref';
import { cueWord } from './cues';
import { dedupe } from './dedup';
import { directQuotes, unattachedQuotes } from './direct';
import { build, claimWindows, type Current } from './draft';
import { hedgedClaims } from './hedges';
import { indirectSpeech } from './indirect';
import { softBreaks } from './layout';
import { phraseEndingAt } from './phrases';
import { scanQuotes } from './quotes';
import type { SentenceView } from './raw';
import { splitSentences, type Sentence } from './sentences';
import { leadingSubject } from './subject';
import { subjectBefore, type Speaker } from './speaker';
import { isCapitalized, tokenize, type Token } from './tokens';
import type { SuggestOptions, Suggestion } from './types';

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

/** Names in the sentence, for later surnames, pronouns and "the ministry". */
function registerMentions(view: SentenceView, sentence: Sentence, discourse: Discourse): void {
  const { tokens } = view;
  // The grammatical subject first ("In the village of Char Montaz, farmer Abdul Karim stood …").
  const subject = leadingSubject(view, view.to);
  let subjectSeen = false;
  if (subject?.phrase.type === 'person') {
    discourse.setSubject(discourse.fullNameOf(subject.phrase.text) ?? subject.phrase.text);
    subjectSeen = true;
  }
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
