/**
 * A claim's grades and attribution in one sentence, for export formats that have no field of
 * their own for them (a W3C assessing body, a STIX note's labels are too terse for a reader).
 */
import {
  admiraltyCode,
  credibilityInfo,
  reliabilityInfo,
  type Reliability,
} from '../../../shared/grading/scales';
import {
  CLAIM_KIND_LABELS,
  CLAIM_SCORE_LABEL,
  CLAIM_STATUS_LABELS,
} from '../../../shared/domain/labels';
import type { Claim } from '../../../shared/domain/schemas';
import type { ScoreSummary } from '../indexes/scores';

export function attributionLine(claim: Claim, name: (id: string) => string): string {
  const a = claim.attribution;
  let line = a.speakerId ? `Said by ${name(a.speakerId)}` : 'No named speaker';
  if (a.via.length > 0) line += ` via ${a.via.map(name).join(' → ')}`;
  if (a.cue) line += ` (“${a.cue}”)`;
  if (a.saidOn) line += ` on ${a.saidOn}`;
  return a.reportedOn ? `${line}. Reported on ${a.reportedOn}.` : `${line}.`;
}

/**
 * The grades, the claim score (named so that it cannot be read as an ICD 203 confidence,
 * issue 11) and the independent sources, for a W3C assessing body or a STIX note.
 */
export function assessmentLine(claim: Claim, score: ScoreSummary): string {
  const reliability: Reliability = score.reliability;
  const code = admiraltyCode(reliability, claim.credibility);
  const grades =
    `Admiralty ${code}: source ${reliabilityInfo(reliability).label.toLowerCase()}, ` +
    `information ${credibilityInfo(claim.credibility).label.toLowerCase()}.`;
  const value =
    score.value === null
      ? `No ${CLAIM_SCORE_LABEL.toLowerCase()} (nothing can be judged).`
      : `${CLAIM_SCORE_LABEL} ${score.value}/100 (how far this claim can be trusted; not an ICD 203 confidence level).`;
  return [
    grades,
    value,
    `Independent sources: ${score.corroborating} corroborating, ${score.contradicting} contradicting.`,
    `Status: ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()}.`,
    `Kind: ${CLAIM_KIND_LABELS[claim.kind].toLowerCase()}.`,
  ].join(' ');
}
