/**
 * The shape of a speaker phrase and the word tests the phrase readers share.
 */
import { lower, type Token } from './tokens';

export type PhraseType =
  | 'person'
  | 'pronoun'
  | 'org'
  | 'outlet'
  /** "the spokesperson": one person named by role, to resolve to a name met earlier. */
  | 'roleRef'
  /** "the ministry", "the newspaper": an organisation or outlet met earlier. */
  | 'orgRef'
  | 'outletRef'
  /** "officials", "a spokesperson for the ministry": speakers who stay unnamed. */
  | 'group'
  /** "sources", "people familiar with the matter": the claim counts as unattributed. */
  | 'anonymous';

export interface Phrase {
  type: PhraseType;
  /** The words that name the speaker: the name itself when there is one. */
  start: number;
  end: number;
  text: string;
  /** A title written before the name: "Foreign Minister", "the Kremlin's spokesman". */
  title: string | null;
  gender?: 'm' | 'f';
  /** Index of the first token of the whole phrase (title included). */
  firstToken: number;
}

export const DETERMINERS = new Set(
  'the a an this that these those its his her their our two three four five several some many one other another both all each most'.split(
    ' ',
  ),
);

/** Capitalised words that begin sentences, not names. */
export const CAPITAL_FUNCTION_WORDS = new Set(
  (
    'The A An In On At But And Or As After Before When While Since If This That These Those It He She ' +
    'They We I His Her Its Their Our Meanwhile However Still Yet Asked Speaking According Earlier ' +
    'Later Last Next Separately Also Then There Here Instead Although Though Because Despite Following ' +
    'One Two Three Four Five Another Some Several Many Most Both Each Other Others Asked Speaking'
  ).split(' '),
);

export const word = (t: Token | undefined): boolean => t !== undefined && t.kind === 'word';
export const bareWord = (t: Token | undefined): string => lower(t).replace(/['’]s$/u, '');

export const joinTokens = (run: readonly Token[]): string =>
  run.map((tok, i) => (i > 0 && (run[i - 1]?.end ?? 0) < tok.start ? ' ' : '') + tok.text).join('');
