/**
 * Reads the estimative words of a key judgment (issue 11) and says where they disagree with
 * its ICD 203 band, in either direction: "Russia will certainly send troops" graded
 * "likely" overstates, "Moscow might send advisers" graded "very likely" understates.
 * ICD 203 (D.6.e(2)(a)) asks that the words and the band say the same thing.
 *
 * `findEstimativeWords` returns each expression found with its UTF-16 offsets, for the UI to
 * underline; `checkWording` the disagreements, each with a message naming the words and the
 * bands. The table and the rules for negation are in estimativeWords.ts.
 */
import { LIKELIHOODS, likelihoodInfo, type Likelihood } from '../grading/scales';
import {
  ESTIMATIVE_EXPRESSIONS,
  type BandRange,
  type EstimativeExpression,
} from './estimativeWords';

export interface EstimativeMatch {
  /** UTF-16 offsets into the text, a "not" before the expression included. */
  start: number;
  end: number;
  text: string;
  expression: EstimativeExpression;
  /** A "not" before it turned it round ("not likely"). */
  negated: boolean;
  /** It bears on a denied event ("probably not", "almost certainly will not"). */
  denies: boolean;
  /** The bands it is compatible with, lowest first. */
  bands: Likelihood[];
}

export interface WordingDisagreement {
  match: EstimativeMatch;
  graded: Likelihood;
  /** Whether the words read as more or less probable than the grade. */
  wording: 'higher' | 'lower';
  message: string;
}

const rank = (l: Likelihood) => LIKELIHOODS.indexOf(l);
const at = (i: number): Likelihood => LIKELIHOODS[Math.max(0, Math.min(6, i))] ?? 'roughly_even';

const source = (pattern: string) => pattern.replace(/ /g, '\\s+').replace(/'/g, "['’]");

const COMPILED = ESTIMATIVE_EXPRESSIONS.map((expression) => ({
  expression,
  regex: new RegExp(
    `(?<![\\p{L}\\p{N}'’])(?:${source(expression.pattern)})(?![\\p{L}\\p{N}])`,
    expression.caseSensitive ? 'gu' : 'giu',
  ),
}));

/** A "not" (or "n't", "never", "hardly") right before an expression, intensifiers allowed. */
const NEGATOR_BEFORE =
  /(?:(?<![\p{L}])(?:not|never|hardly|scarcely)|(?<![\p{L}])\p{L}+n['’]t)(?:\s+(?:be|been|very|so|that|all\s+that|at\s+all|particularly|especially|too|entirely|quite|terribly|remotely|even|necessarily))*\s+$/iu;

/** A negated verb within the next few words of the same clause. */
function deniesAfter(text: string, end: number): boolean {
  const clause = /^[^.;:!?]*/u.exec(text.slice(end))?.[0] ?? '';
  const words = clause
    .split(/[\s,]+/u)
    .filter(Boolean)
    .slice(0, 5);
  return words.some((w) => /^(?:not|never|cannot)$/iu.test(w) || /\p{L}n['’]t$/iu.test(w));
}

const range = ([from, to]: BandRange): Likelihood[] =>
  LIKELIHOODS.filter((l) => rank(l) >= rank(from) && rank(l) <= rank(to));

/** The bands left when "not" turns a range round: those below it, else those above it. */
function complement([from, to]: BandRange): BandRange {
  return rank(from) > 0
    ? ['almost_no_chance', at(rank(from) - 1)]
    : [at(rank(to) + 1), 'almost_certain'];
}

/** The same chance read for the opposite event: "unlikely to X" is "likely not X". */
const mirror = ([from, to]: BandRange): BandRange => [at(6 - rank(to)), at(6 - rank(from))];

/** Sentences with their offsets, cut after . ! or ? */
function sentences(text: string): { start: number; end: number; question: boolean }[] {
  const out: { start: number; end: number; question: boolean }[] = [];
  for (const m of text.matchAll(/[^.!?]+(?:[.!?]+|$)/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length, question: m[0].trim().endsWith('?') });
  }
  return out;
}

/** Every estimative expression in `text`, longest first where they overlap, in text order. */
export function findEstimativeWords(text: string): EstimativeMatch[] {
  const candidates: { start: number; end: number; expression: EstimativeExpression }[] = [];
  COMPILED.forEach(({ expression, regex }) => {
    for (const m of text.matchAll(regex)) {
      candidates.push({ start: m.index, end: m.index + m[0].length, expression });
    }
  });
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: typeof candidates = [];
  for (const c of candidates) {
    if (taken.every((t) => c.end <= t.start || c.start >= t.end)) taken.push(c);
  }
  taken.sort((a, b) => a.start - b.start);

  const matches = taken.map(({ start, end, expression }): EstimativeMatch => {
    const before =
      expression.negated === 'none' || expression.negative
        ? null
        : NEGATOR_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
    const negated = before !== null;
    const from = negated ? start - before[0].length : start;
    const denies = !negated && (expression.negative === true || deniesAfter(text, end));
    let band: BandRange = expression.band;
    if (negated) {
      band =
        expression.negated !== undefined && expression.negated !== 'none'
          ? expression.negated
          : complement(band);
    }
    const bands = new Set([...range(band), ...(denies ? range(mirror(band)) : [])]);
    return {
      start: from,
      end,
      text: text.slice(from, end),
      expression,
      negated,
      denies,
      bands: LIKELIHOODS.filter((l) => bands.has(l)),
    };
  });

  // A flat "will" or "cannot" states a certainty only where nothing in its sentence hedges
  // it, and a question asserts nothing.
  return matches.filter((m) => {
    if (!m.expression.unhedged) return true;
    const sentence = sentences(text).find((s) => m.start >= s.start && m.start < s.end);
    if (!sentence || sentence.question) return false;
    return !matches.some(
      (other) =>
        !other.expression.unhedged && other.start >= sentence.start && other.start < sentence.end,
    );
  });
}

/** ICD 203's term for a band, "almost certain" without the "(ly)" of the table. */
const termOf = (l: Likelihood) => likelihoodInfo(l).term.replace('(ly)', '');

/** "likely (55–80%)", "very likely to almost certain (80–99%)". */
function describeRange(bands: readonly Likelihood[]): string {
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (!first || !last) return '';
  const a = likelihoodInfo(first);
  const b = likelihoodInfo(last);
  const terms = first === last ? termOf(first) : `${termOf(first)} to ${termOf(last)}`;
  return `${terms} (${a.min}–${b.max}%)`;
}

/** The compatible bands as contiguous runs, in words. */
export function describeBands(bands: readonly Likelihood[]): string {
  const runs: Likelihood[][] = [];
  for (const band of bands) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && rank(band) === rank(last) + 1) run.push(band);
    else runs.push([band]);
  }
  return runs.map(describeRange).join(', or ');
}

/** The words of `text` that disagree with the band it is graded at, in text order. */
export function checkWording(text: string, graded: Likelihood): WordingDisagreement[] {
  return findEstimativeWords(text)
    .filter((m) => !m.bands.includes(graded))
    .map((match) => {
      // Measured against the nearest compatible band, since a denial has two runs.
      const nearest = match.bands.reduce(
        (best, b) =>
          Math.abs(rank(b) - rank(graded)) < Math.abs(rank(best) - rank(graded)) ? b : best,
        match.bands[0] ?? graded,
      );
      const wording = rank(nearest) > rank(graded) ? 'higher' : 'lower';
      const info = likelihoodInfo(graded);
      const reads = `reads as ${describeBands(match.bands)}`;
      const either = match.denies
        ? ' (a denial reads either way: the chance of the statement, or of the event it denies)'
        : '';
      const advice = match.expression.unhedged
        ? 'Add the estimative word, or change the grade.'
        : 'Reword it, or change the grade.';
      return {
        match,
        graded,
        wording,
        message:
          `“${match.text}”${match.expression.unhedged ? ', with no hedge,' : ''} ${reads}${either}; ` +
          `the judgment is graded “${termOf(graded)}” (${info.min}–${info.max}%), ${wording === 'higher' ? 'below' : 'above'} what the words say. ${advice}`,
      };
    });
}
