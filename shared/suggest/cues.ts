/**
 * The cue lexicon: verbs of saying and the forms they take. `clause` verbs ("said") take a
 * complement clause with or without "that"; `object` verbs ("announced", "denied") more often
 * take a noun ("denied the report"), so they count as cues only before "that", a colon or a
 * quotation. `outlet` verbs are how outlets carry claims ("reported", "wrote").
 */

export type CueClass = 'clause' | 'object' | 'tell';

export interface CueWord {
  lemma: string;
  cls: CueClass;
  /** -ing form ("adding that"): a cue that continues the previous speaker's claim. */
  participle: boolean;
}

// lemma: forms. The first form is the lemma itself.
const CLAUSE_VERBS = `
say says said saying|add adds added adding|warn warns warned warning|argue argues argued arguing
claim claims claimed claiming|note notes noted noting|stress stresses stressed stressing
insist insists insisted insisting|explain explains explained explaining|write writes wrote writing
state states stated stating|assert asserts asserted asserting|suggest suggests suggested suggesting
acknowledge acknowledges acknowledged acknowledging|admit admits admitted admitting
caution cautions cautioned cautioning|speculate speculates speculated speculating
report reports reported reporting|predict predicts predicted predicting
concede concedes conceded conceding|emphasise emphasises emphasised emphasising
emphasize emphasizes emphasized emphasizing|observe observes observed observing
recall recalls recalled recalling|reply replies replied replying|remark remarks remarked remarking
maintain maintains maintained maintaining
allege alleges alleged alleging|contend contends contended contending
complain complains complained complaining|boast boasts boasted boasting|vow vows vowed vowing
reiterate reiterates reiterated reiterating|testify testifies testified testifying
hint hints hinted hinting|quip quips quipped quipping|joke jokes joked joking|muse muses mused musing
conclude concludes concluded concluding|answer answers answered answering
tweet tweets tweeted tweeting|guess guesses guessed guessing|stress stresses stressed stressing|underline underlines underlined underlining
affirm affirms affirmed affirming|retort retorts retorted retorting|counter counters countered countering
agree agrees agreed agreeing|believe believes believed believing|hear hears heard hearing|show shows showed shown showing|recount recounts recounted recounting|elaborate elaborates elaborated elaborating
`;
const OBJECT_VERBS = `
deny denies denied denying|announce announces announced announcing|confirm confirms confirmed confirming
estimate estimates estimated estimating|reveal reveals revealed revealing|disclose discloses disclosed disclosing
promise promises promised promising|pledge pledges pledged pledging|respond responds responded responding
comment comments commented commenting|signal signals signalled signaled signalling signaling
indicate indicates indicated indicating|find finds found finding|declare declares declared declaring|ask asks asked asking|point points pointed pointing|accuse accuses accused accusing
`;
const TELL_VERBS = `tell tells told telling|assure assures assured assuring|inform informs informed informing
remind reminds reminded reminding|warn warns warned warning`;

const LEXICON = new Map<string, CueWord>();
function load(list: string, cls: CueClass): void {
  for (const group of list.trim().split(/[|\n]/u)) {
    const forms = group.trim().split(/\s+/u);
    const lemma = forms[0] ?? '';
    for (const form of forms) {
      if (cls === 'tell' && LEXICON.has(form)) continue;
      LEXICON.set(form, { lemma, cls, participle: form.endsWith('ing') && form !== lemma });
    }
  }
}
load(CLAUSE_VERBS, 'clause');
load(OBJECT_VERBS, 'object');
load(TELL_VERBS, 'tell');

/** A cue verb form; capitalised words are names ("State Duma"), never cues. */
export function cueWord(word: string): CueWord | undefined {
  return LEXICON.get(word);
}

export const isCueWord = (word: string): boolean => LEXICON.has(word);

/** Forms that are far more often nouns than verbs when a determiner precedes them. */
export const NOUN_LIKE_FORMS = new Set([
  'claims',
  'notes',
  'states',
  'reports',
  'estimates',
  'comments',
  'promises',
  'answers',
  'points',
  'signals',
  'remarks',
  'replies',
  'tweets',
  'counters',
  'jokes',
]);

/** Cues of a verb and a particle: "shot back that", "hit back", "fired back". */
export const PARTICLE_CUES: Record<string, string> = {
  shot: 'back',
  hit: 'back',
  fired: 'back',
  snapped: 'back',
};

/**
 * Words that may stand between a speaker and the cue ("has also said", "later told") or
 * between the cue and its clause ("said in a statement on Monday that").
 */
export const AUXILIARIES = new Set(
  (
    'has have had would will also later earlier previously then again once repeatedly ' +
    'publicly privately separately recently reportedly further already had since still ' +
    'apparently subsequently initially first last long often frequently always never just now ever ' +
    'even openly privately jointly'
  ).split(' '),
);

/**
 * Hedges that mark a claim as resting on no named source (issue 13). Anonymous speakers
 * ("sources said", "according to people familiar with the matter") are found as speakers and
 * classed as anonymous instead (see phrases.ts).
 */
export const HEDGES: readonly RegExp[] = [
  /\b(?:reportedly|allegedly|purportedly|supposedly|rumou?red)\b/giu,
  /\bit (?:is|was|has been|had been) (?:widely |generally |now )?(?:believed|understood|thought|reported|rumou?red|alleged|claimed|said|feared|suspected)\b/giu,
  /\b(?:is|are|was|were|has been|have been) (?:widely |also )?(?:said|believed|thought|reported|rumou?red|understood|alleged) to\b/giu,
];
