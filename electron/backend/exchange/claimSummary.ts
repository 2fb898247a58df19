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
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from '../../../shared/domain/labels';
import type { Claim } from '../../../shared/domain/schemas';
import type { ConfidenceScore } from '../../../shared/scoring/model';

export function attributionLine(claim: Claim, name: (id: string) => string): string {
  const a = claim.attribution;
  let line = a.speakerId ? `Said by ${name(a.speakerId)}` : 'No named speaker';
  if (a.via.length > 0) line += ` via ${a.via.map(name).join(' → ')}`;
  if (a.cue) line += ` (“${a.cue}”)`;
  if (a.saidOn) line += ` on ${a.saidOn}`;
  return a.reportedOn ? `${line}. Reported on ${a.reportedOn}.` : `${line}.`;
}

export function assessmentLine(claim: Claim, score: ConfidenceScore): string {
  const reliability: Reliability = score.reliability;
  const code = admiraltyCode(reliability, claim.credibility);
  const grades =
    `Admiralty ${code}: source ${reliabilityInfo(reliability).label.toLowerCase()}, ` +
    `information ${credibilityInfo(claim.credibility).label.toLowerCase()}.`;
  const value =
    score.value === null
      ? 'No confidence score (nothing can be judged).'
      : `Confidence score ${score.value}/100.`;
  return [
    grades,
    value,
    `Independent sources: ${score.corroborating} corroborating, ${score.contradicting} contradicting.`,
    `Status: ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()}.`,
    `Kind: ${CLAIM_KIND_LABELS[claim.kind].toLowerCase()}.`,
  ].join(' ');
}
