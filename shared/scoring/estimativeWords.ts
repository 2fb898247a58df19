/**
 * The estimative expressions the wording check reads (issue 11), each mapped to the ICD 203
 * likelihood bands it is compatible with. Sources:
 * - ICD 203 (ODNI, 2015), D.6.e(2)(a): the seven bands' terms and their "probability" row;
 * - Sherman Kent, "Words of Estimative Probability", Studies in Intelligence (1964): certain
 *   100%, almost certain 93 ± 6, probable 75 ± 12, chances about even 50 ± 10, probably not
 *   30 ± 10, almost certainly not 7 ± 5, impossible 0, and the synonyms of his chart; where
 *   ICD 203 uses the same word it wins ("probable" is ICD's 55–80%, not Kent's 63–87%);
 * - the UK PHIA probability yardstick (scales.json): remote chance, highly unlikely,
 *   realistic possibility, highly likely;
 * - common usage: certainty words (certainly, definitely, undoubtedly, no doubt), hedges
 *   (could, might, may, possibly, perhaps, toss-up), and the flat modals "will", "won't",
 *   "is going to", "cannot", which state a certainty when nothing hedges them.
 *
 * How negation is read (decided for issue 11; the README's "The wording check" says the same):
 * - The band is the chance of the event the statement is about, as its estimative word
 *   says: "Russia is unlikely to send troops" is graded "unlikely".
 * - A "not" before an expression turns the expression round: "not likely" reads as very
 *   unlikely to unlikely, "not certain" as anything short of almost certain, "not unlikely"
 *   as roughly even to likely. Rows give their own negated range where usage is firmer than
 *   the plain complement; "no chance", "slight chance" and the modals take no prefix "not".
 * - A negation after the expression ("probably not", "almost certainly will not",
 *   "won't") denies the event. Such a statement reads two ways, both fair to a reader:
 *   "Russia will probably not send troops" is "likely" as written, or "unlikely" for the
 *   troops. Both bands are compatible; anything else is flagged. So "will not" and "won't"
 *   without a hedge, a certainty about a negative, fit "almost certain" (that it will not)
 *   and "almost no chance" (that it will), and their neighbours, but not "unlikely".
 * - "We assess", "we judge", "we believe" are the analyst's voice, not a probability
 *   (ICD 203), and are left out, as are "should" and "would".
 */
import type { Likelihood } from '../grading/scales';

export type BandRange = readonly [Likelihood, Likelihood];
export type EstimativeSource = 'ICD 203' | 'Kent 1964' | 'UK PHIA' | 'common usage';

export interface EstimativeExpression {
  /** How the row reads in the table and in messages. */
  phrase: string;
  /** A RegExp source; " " matches any run of white space and "'" either apostrophe. */
  pattern: string;
  /** The ICD 203 bands the expression is compatible with, lowest first. */
  band: BandRange;
  sources: readonly EstimativeSource[];
  /** Its range under a "not" before it; "none": a "not" before it does not negate it. */
  negated?: BandRange | 'none';
  /** The expression denies the event ("will not", "probably not"): see the header. */
  negative?: true;
  /** A flat modal: a certainty only where the sentence has no other estimative word. */
  unhedged?: true;
  /** Matched as written, e.g. "may" (the month is "May"). */
  caseSensitive?: true;
  /** Sentences in which the row must be found, alone: the table's own tests. */
  examples: readonly string[];
}

const COPULA = "(?:is|are|was|were|be|been|seems|appears|looks|remains|it's|that's)";

export const ESTIMATIVE_EXPRESSIONS: readonly EstimativeExpression[] = [
  // ICD 203's terms, both rows of its table.
  {
    phrase: 'almost no chance',
    pattern: '(?:almost|next to|little or) no chance',
    band: ['almost_no_chance', 'almost_no_chance'],
    sources: ['ICD 203'],
    negated: 'none',
    examples: ['There is almost no chance that Russia sends troops.'],
  },
  {
    phrase: 'remote (chance, possibility)',
    pattern: `remote(?:ly)? (?:chance|possibility|prospect|likelihood)|${COPULA} remote`,
    band: ['almost_no_chance', 'almost_no_chance'],
    sources: ['ICD 203', 'UK PHIA'],
    negated: 'none',
    examples: ['There is a remote chance of a deployment.', 'A deployment is remote.'],
  },
  {
    phrase: 'very unlikely',
    pattern: 'very unlikely',
    band: ['very_unlikely', 'very_unlikely'],
    sources: ['ICD 203'],
    examples: ['Russia is very unlikely to send troops.'],
  },
  {
    phrase: 'highly improbable',
    pattern: 'highly improbabl[ey]',
    band: ['very_unlikely', 'very_unlikely'],
    sources: ['ICD 203'],
    examples: ['A Russian deployment is highly improbable.'],
  },
  {
    phrase: 'unlikely',
    pattern: 'unlikely',
    band: ['unlikely', 'unlikely'],
    sources: ['ICD 203', 'Kent 1964', 'UK PHIA'],
    negated: ['roughly_even', 'likely'],
    examples: ['Russia is unlikely to send troops.'],
  },
  {
    phrase: 'improbable',
    pattern: 'improbabl[ey]',
    band: ['unlikely', 'unlikely'],
    sources: ['ICD 203'],
    negated: ['roughly_even', 'likely'],
    examples: ['A Russian deployment is improbable.'],
  },
  {
    phrase: 'roughly even chance',
    pattern: 'roughly even (?:chance|odds)',
    band: ['roughly_even', 'roughly_even'],
    sources: ['ICD 203'],
    negated: 'none',
    examples: ['There is a roughly even chance that Moscow sends advisers.'],
  },
  {
    phrase: 'likely',
    pattern: 'likely',
    band: ['likely', 'likely'],
    sources: ['ICD 203', 'Kent 1964', 'UK PHIA'],
    negated: ['very_unlikely', 'unlikely'],
    examples: ['Moscow will likely offer limited help.'],
  },
  {
    phrase: 'probable, probably',
    pattern: 'probabl[ey]',
    band: ['likely', 'likely'],
    sources: ['ICD 203', 'Kent 1964', 'UK PHIA'],
    negated: ['very_unlikely', 'unlikely'],
    examples: ['Moscow will probably offer limited help.', 'Limited help is probable.'],
  },
  {
    phrase: 'very likely',
    pattern: 'very likely',
    band: ['very_likely', 'very_likely'],
    sources: ['ICD 203'],
    negated: ['very_unlikely', 'unlikely'],
    examples: ['Moscow is very likely to condemn the strikes.'],
  },
  {
    phrase: 'highly probable',
    pattern: 'highly probabl[ey]',
    band: ['very_likely', 'very_likely'],
    sources: ['ICD 203', 'Kent 1964'],
    negated: ['unlikely', 'likely'],
    examples: ['A condemnation is highly probable.'],
  },
  {
    phrase: 'almost certain(ly)',
    pattern: 'almost certain(?:ly)?',
    band: ['almost_certain', 'almost_certain'],
    sources: ['ICD 203', 'Kent 1964'],
    examples: ['Moscow will almost certainly condemn the strikes.'],
  },
  {
    phrase: 'nearly certain(ly)',
    pattern: 'nearly certain(?:ly)?',
    band: ['almost_certain', 'almost_certain'],
    sources: ['ICD 203'],
    examples: ['A condemnation is nearly certain.'],
  },
  // Kent 1964, read on the ICD 203 bands.
  {
    phrase: 'certain(ly)',
    // Not "a certain number": the adjective before a clause, a full stop or "to".
    pattern: `certainly|for certain|${COPULA} certain|certain(?= (?:that|whether|to|of|about)\\b|\\s*[.,;:!?]|\\s*$)`,
    band: ['almost_certain', 'almost_certain'],
    sources: ['Kent 1964', 'common usage'],
    examples: ['Russia will certainly send troops.', 'It is certain that Moscow objects.'],
  },
  {
    phrase: 'virtually certain, all but certain',
    pattern: '(?:virtually|all but) certain(?:ly)?',
    band: ['very_likely', 'almost_certain'],
    sources: ['Kent 1964'],
    examples: ['A condemnation is virtually certain.', 'It is all but certain.'],
  },
  {
    phrase: 'highly likely',
    pattern: 'highly likely',
    band: ['very_likely', 'very_likely'],
    sources: ['Kent 1964', 'UK PHIA'],
    negated: ['unlikely', 'likely'],
    examples: ['A condemnation is highly likely.'],
  },
  {
    phrase: 'chances are good',
    pattern: '(?:the )?chances are good|(?:a )?good chance',
    band: ['likely', 'likely'],
    sources: ['Kent 1964'],
    negated: 'none',
    examples: ['Chances are good that Moscow sends advisers.'],
  },
  {
    phrase: 'chances about even',
    pattern: '(?:the )?chances are (?:about )?even|chances about even|about even chance',
    band: ['roughly_even', 'roughly_even'],
    sources: ['Kent 1964'],
    negated: 'none',
    examples: ['The chances are about even that Moscow sends advisers.'],
  },
  {
    phrase: 'slightly better than even',
    pattern: '(?:slightly )?better than even(?: chance| odds)?',
    band: ['roughly_even', 'likely'],
    sources: ['Kent 1964'],
    negated: 'none',
    examples: ['The chances are slightly better than even.'],
  },
  {
    phrase: 'slightly less than even',
    pattern: '(?:slightly )?less than even(?: chance| odds)?',
    band: ['unlikely', 'roughly_even'],
    sources: ['Kent 1964'],
    negated: 'none',
    examples: ['The chances are slightly less than even.'],
  },
  {
    phrase: 'probably not',
    pattern: 'probably not',
    band: ['unlikely', 'unlikely'],
    sources: ['Kent 1964'],
    negative: true,
    examples: ['Russia will probably not send troops.'],
  },
  {
    phrase: 'almost certainly not',
    pattern: 'almost certainly not',
    band: ['almost_no_chance', 'very_unlikely'],
    sources: ['Kent 1964'],
    negative: true,
    examples: ['Russia will almost certainly not send troops.'],
  },
  {
    phrase: 'almost impossible',
    pattern: '(?:almost|nearly|virtually) impossible',
    band: ['almost_no_chance', 'very_unlikely'],
    sources: ['Kent 1964'],
    negated: 'none',
    examples: ['A deployment is almost impossible.'],
  },
  {
    phrase: 'impossible',
    pattern: 'impossible',
    band: ['almost_no_chance', 'almost_no_chance'],
    sources: ['Kent 1964'],
    negated: ['almost_no_chance', 'unlikely'],
    examples: ['A deployment is impossible.'],
  },
  {
    phrase: 'only a slight chance',
    pattern: '(?:only )?(?:a )?slight chance',
    band: ['almost_no_chance', 'very_unlikely'],
    sources: ['Kent 1964', 'common usage'],
    negated: 'none',
    examples: ['There is only a slight chance of a deployment.'],
  },
  {
    phrase: 'highly doubtful',
    pattern: 'highly doubtful',
    band: ['almost_no_chance', 'very_unlikely'],
    sources: ['Kent 1964'],
    examples: ['A deployment is highly doubtful.'],
  },
  // The UK PHIA yardstick's own terms.
  {
    phrase: 'highly unlikely',
    pattern: 'highly unlikely',
    band: ['very_unlikely', 'very_unlikely'],
    sources: ['UK PHIA'],
    negated: ['unlikely', 'roughly_even'],
    examples: ['A deployment is highly unlikely.'],
  },
  {
    phrase: 'realistic possibility',
    pattern: 'realistic possibility',
    band: ['unlikely', 'roughly_even'],
    sources: ['UK PHIA'],
    negated: 'none',
    examples: ['There is a realistic possibility of Russian advisers.'],
  },
  // Common certainty words.
  {
    phrase: 'definitely',
    pattern: 'definitely',
    band: ['almost_certain', 'almost_certain'],
    sources: ['common usage'],
    examples: ['Russia will definitely send troops.'],
  },
  {
    phrase: 'undoubtedly',
    pattern: 'undoubtedly|doubtless|unquestionably|for sure',
    band: ['almost_certain', 'almost_certain'],
    sources: ['common usage'],
    examples: ['Russia will undoubtedly send troops.', 'Moscow will doubtless object.'],
  },
  {
    phrase: 'no doubt',
    pattern: 'no doubt|without (?:a |any )?doubt|beyond (?:any |all |reasonable )?doubt',
    band: ['almost_certain', 'almost_certain'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['There is no doubt that Moscow will object.', 'Without doubt Moscow will object.'],
  },
  {
    phrase: 'little doubt',
    pattern: 'little doubt',
    band: ['very_likely', 'almost_certain'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['There is little doubt that Moscow will object.'],
  },
  {
    phrase: 'surely',
    pattern: 'surely',
    band: ['very_likely', 'almost_certain'],
    sources: ['common usage'],
    examples: ['Moscow will surely object.'],
  },
  {
    phrase: 'in all likelihood',
    pattern: 'in all (?:likelihood|probability)',
    band: ['likely', 'very_likely'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['In all likelihood Moscow will object.'],
  },
  {
    phrase: 'high probability',
    pattern: '(?:a )?high (?:probability|likelihood)',
    band: ['very_likely', 'almost_certain'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['There is a high probability of a condemnation.'],
  },
  {
    phrase: 'low probability',
    pattern: '(?:a )?low (?:probability|likelihood)',
    band: ['very_unlikely', 'unlikely'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['There is a low probability of a deployment.'],
  },
  // Common hedges.
  {
    phrase: 'no chance',
    pattern: '(?:no|zero) chance|not a chance',
    band: ['almost_no_chance', 'almost_no_chance'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['There is no chance that Russia sends troops.'],
  },
  {
    phrase: 'small chance',
    pattern: '(?:a )?(?:small|little) (?:chance|prospect)|not much chance',
    band: ['almost_no_chance', 'unlikely'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['There is a small chance of a deployment.'],
  },
  {
    phrase: 'a real possibility',
    pattern: '(?:a )?(?:real|distinct|serious) (?:possibility|chance)',
    band: ['unlikely', 'likely'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['Russian advisers are a real possibility.'],
  },
  {
    phrase: 'strong possibility',
    pattern: '(?:a )?strong (?:possibility|chance)',
    band: ['likely', 'very_likely'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['There is a strong possibility of Russian advisers.'],
  },
  {
    phrase: 'toss-up, even chance',
    pattern: '(?:a )?toss-up|(?:an )?even (?:chance|odds)|fifty-fifty|50(?:-|/)50|as likely as not',
    band: ['roughly_even', 'roughly_even'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['Whether Moscow sends advisers is a toss-up.', 'It is fifty-fifty.'],
  },
  {
    phrase: 'possibly, perhaps',
    pattern: 'possibly|perhaps|maybe|(?<!as )possible',
    band: ['almost_no_chance', 'roughly_even'],
    sources: ['Kent 1964', 'common usage'],
    negated: ['almost_no_chance', 'almost_no_chance'],
    examples: ['Moscow will possibly send advisers.', 'Perhaps Moscow sends advisers.'],
  },
  {
    phrase: 'conceivably',
    pattern: 'conceivabl[ey]',
    band: ['almost_no_chance', 'unlikely'],
    sources: ['common usage'],
    negated: ['almost_no_chance', 'almost_no_chance'],
    examples: ['It is conceivable that Moscow sends advisers.'],
  },
  {
    phrase: 'cannot be ruled out',
    pattern:
      "(?:cannot|can't|could not|couldn't) be (?:ruled out|excluded)|(?:cannot|can't) rule out",
    band: ['almost_no_chance', 'roughly_even'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['Limited Russian help cannot be ruled out.'],
  },
  {
    phrase: 'doubtful',
    pattern: 'doubtful|we doubt(?: that| whether)?',
    band: ['very_unlikely', 'unlikely'],
    sources: ['common usage'],
    negated: ['roughly_even', 'likely'],
    examples: ['A deployment is doubtful.', 'We doubt that Moscow sends troops.'],
  },
  {
    phrase: 'uncertain, unclear whether',
    pattern: 'uncertain|unclear (?:whether|if)',
    band: ['unlikely', 'likely'],
    sources: ['common usage'],
    negated: 'none',
    examples: ['Whether Moscow sends advisers is uncertain.'],
  },
  {
    phrase: 'could, might, may',
    pattern: 'could|might|may',
    band: ['almost_no_chance', 'roughly_even'],
    sources: ['common usage'],
    negated: 'none',
    caseSensitive: true,
    examples: [
      'Moscow could send advisers.',
      'Moscow might send advisers.',
      'Moscow may send advisers.',
    ],
  },
  // Flat modals: a certainty when nothing in the sentence hedges them.
  {
    phrase: 'will (no hedge)',
    pattern:
      '(?<!(?:the|political|its|their|his|her|our|your|my|good|ill|free|own|of) )will(?! (?:to|of|power)\\b)',
    band: ['very_likely', 'almost_certain'],
    sources: ['common usage'],
    negated: 'none',
    unhedged: true,
    examples: ['Russia will send troops.'],
  },
  {
    phrase: "will not, won't (no hedge)",
    pattern: "will not|won't|will never",
    band: ['almost_no_chance', 'very_unlikely'],
    sources: ['common usage'],
    negated: 'none',
    negative: true,
    unhedged: true,
    examples: ['Russia will not send troops.', "Russia won't send troops."],
  },
  {
    phrase: 'is going to (no hedge)',
    pattern: '(?:is|are|am) going to',
    band: ['very_likely', 'almost_certain'],
    sources: ['common usage'],
    negated: 'none',
    unhedged: true,
    examples: ['Russia is going to send troops.'],
  },
  {
    phrase: 'is not going to (no hedge)',
    pattern: "(?:is|are|am) not going to|(?:isn't|aren't) going to",
    band: ['almost_no_chance', 'very_unlikely'],
    sources: ['common usage'],
    negated: 'none',
    negative: true,
    unhedged: true,
    examples: ["Russia isn't going to send troops."],
  },
  {
    phrase: 'cannot, could not (no hedge)',
    pattern: "cannot|can't|could not|couldn't",
    band: ['almost_no_chance', 'very_unlikely'],
    sources: ['common usage'],
    negated: 'none',
    negative: true,
    unhedged: true,
    examples: ['Russia cannot sustain a deployment.'],
  },
];
