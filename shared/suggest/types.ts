/**
 * The shapes the claim extractor (issue 13) hands out. A suggestion is what the analyst accepts
 * or rejects; offsets are UTF-16 indices into the document text exactly as stored.
 */
import type { ClaimKind } from '../domain/schemas';

/** The kinds the extractor suggests: the analyst's own inferences are never suggested. */
export type SuggestedKind = Exclude<ClaimKind, 'inference'>;

export type SpeakerType = 'person' | 'org' | 'outlet' | 'group' | 'anonymous';

export interface Span {
  start: number;
  end: number;
}

export interface KnownEntity {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
}

export interface SuggestOptions {
  /** The document's publication date, YYYY-MM-DD: relative dates ("on Saturday") resolve against it. */
  publishedAt?: string;
  /** The document's outlet: the last link of every chain. */
  outlet?: string;
  /** People and outlets already in the case, matched by any of their names. */
  knownEntities?: KnownEntity[];
}

export interface Suggestion {
  /** Hash of the normalised content and speaker: the same claim keeps its key across runs. */
  key: string;
  kind: SuggestedKind;
  /** The proposition, an exact slice of the text. */
  content: Span;
  /** The words that name the speaker where they occur ("he", "Galeotti"), if any. */
  speaker: (Span & { text: string }) | null;
  /** The speaker's full name after resolving pronouns, surnames and "the spokesperson". */
  speakerName: string | null;
  /** The id of the known entity the speaker resolved to. */
  entityId: string | null;
  /**
   * What the speaker was read as: a person, an organisation, an outlet, an unnamed group
   * ("two senior officials"), or an anonymous source; null when there is no speaker.
   */
  speakerType: SpeakerType | null;
  role: string | null;
  /** "said", "told", "according to", "reportedly". */
  cue: string | null;
  /** Intermediaries, nearest the speaker first; the document's outlet last when given. */
  via: string[];
  /** YYYY-MM-DD when the text says when it was said. */
  saidOn: string | null;
  /** 0..1: how sure the rule that produced it is. */
  confidence: number;
}
