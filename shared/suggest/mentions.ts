/**
 * What coreference works with: mentions of names met in the text, the result of resolving a
 * speaker phrase, and the word lists and normalised name words it compares.
 */
import { normalizeName } from '../entities/names';

export interface Mention {
  name: string;
  type: 'person' | 'org' | 'outlet' | 'group';
  pos: number;
  paragraph: number;
  gender?: 'm' | 'f';
  role?: string;
  spoke: boolean;
  /** How often the name was met, and where first: the article's own subject is met early and often. */
  count?: number;
  first?: number;
}

export interface Resolved {
  name: string | null;
  entityId: string | null;
  type: Mention['type'] | 'anonymous';
  role: string | null;
}

/** Normalised words of a name, cached: resolution compares them for every mention. */
const wordCache = new Map<string, string[]>();
export function wordsOf(name: string): string[] {
  let words = wordCache.get(name);
  if (!words) {
    words = normalizeName(name).split(' ');
    if (wordCache.size > 5000) wordCache.clear();
    wordCache.set(name, words);
  }
  return words;
}

/** Heads that any organisation may be called by: "the company", "the group". */
export const GENERIC_ORGS =
  /^(?:company|firm|group|organisation|organization|business|carmaker|retailer|bank|developer|operator|manufacturer|startup)$/u;
export const SPOKES = /^(?:spokesperson|spokesman|spokeswoman|press secretary|spokesperson's)$/u;

export const none = (type: Resolved['type']): Resolved => ({
  name: null,
  entityId: null,
  type,
  role: null,
});
