/**
 * A case as a STIX 2.1 bundle, for threat-intelligence platforms (OpenCTI, MISP):
 * - `report`: the case, referring to every object below;
 * - `identity`: each speaker, intermediary and outlet the case names, and the analyst who
 *   exports it (the `created_by_ref` of everything the analyst made);
 * - `note`: one per claim: the wording and the quote, on the identities that carried it,
 *   `confidence` from the information credibility (none for 6, "cannot be judged");
 * - `opinion`: one per key judgment, on the notes of its basis, for and against it
 *   (stixOpinion.ts; stixMappings.ts says how the ICD 203 likelihood becomes an opinion
 *   and a confidence), with a `supports` or `contradicts` relationship from each note;
 * - `relationship`: one per claim-to-claim evidence link, between the two notes.
 * Ids are name-based UUIDs of the Claimdesk ids (ids.ts): exporting twice gives the same ids,
 * so a platform updates what it already has. Links to spans, URLs and files have no STIX
 * object between notes; URLs go into the note's external references.
 */
import type { Claim, Entity, EvidenceLink, Judgment } from '../../../shared/domain/schemas';
import { scoreClaim } from '../../../shared/scoring/confidence';
import { scoringCase, toScoredClaim } from '../../../shared/scoring/fromRecords';
import { capturedBy, type CaseData } from './caseData';
import type { ExportMeta } from './caseFile';
import { attributionLine } from './claimSummary';
import { stixId, uuidV5 } from './ids';
import { opinionObjects, type StixObject } from './stixOpinion';
import { IDENTITY_CLASS, gradeLabels, noteConfidence } from './stixMappings';

export type { StixObject } from './stixOpinion';

/** STIX wants UTC with milliseconds exactly (core.json, `timestamp_millis`). */
const time = (iso: string): string => new Date(iso).toISOString();

const RELATIONSHIP_TYPE: Record<EvidenceLink['relation'], string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  context: 'related-to',
  same_claim: 'duplicate-of',
};

const ACCOUNT_EPOCH = '1970-01-01T00:00:00.000Z';

const isHttp = (url: string) => /^https?:\/\//i.test(url);

export function stixBundle(
  data: CaseData,
  meta: ExportMeta,
): { type: 'bundle'; id: string; objects: StixObject[] } {
  const reportId = stixId('report', data.case.id);
  const analystId = stixId('identity', `analyst:${meta.user}`);
  const common = (type: string, id: string, created: string, modified: string) => ({
    type,
    spec_version: '2.1',
    id,
    created: time(created),
    modified: time(modified),
  });
  const noteOf = (claimId: string) => stixId('note', claimId);
  const names = new Map(data.entities.map((e) => [e.id, e.name]));
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const scoring = scoringCase(data);

  // The account's identity is the same object in every case's bundle (same id), so it must be
  // the same version everywhere (STIX 2.1 §3.6): it carries no case's dates, only the epoch.
  const analyst: StixObject = {
    ...common('identity', analystId, ACCOUNT_EPOCH, ACCOUNT_EPOCH),
    name: meta.user,
    identity_class: 'individual',
    roles: ['analyst'],
  };

  const identity = (entity: Entity): StixObject => ({
    ...common('identity', stixId('identity', entity.id), entity.createdAt, entity.updatedAt),
    created_by_ref: analystId,
    name: entity.name,
    identity_class: IDENTITY_CLASS[entity.kind],
    ...(entity.role ? { roles: [entity.role] } : {}),
    ...(entity.kind === 'government' ? { sectors: ['government'] } : {}),
    ...(entity.affiliation || entity.notes
      ? { description: [entity.affiliation, entity.notes].filter(Boolean).join('\n\n') }
      : {}),
    labels: [`admiralty-scale:source-reliability="${entity.reliability.toLowerCase()}"`],
  });

  const note = (claim: Claim): StixObject => {
    const a = claim.attribution;
    const document = documents.get(claim.documentId);
    const outletId = document?.outletId ?? null;
    const carriers = [...new Set([a.speakerId, ...a.via, outletId])].filter((id) => id !== null);
    const score = scoreClaim(toScoredClaim(claim), scoring);
    const confidence = noteConfidence(claim.credibility);
    const source = document && {
      source_name: document.outlet || names.get(outletId ?? '') || 'document',
      description: `“${document.title}”${document.publishedAt ? `, published ${document.publishedAt}` : ''}`,
      ...(isHttp(document.url) ? { url: document.url } : {}),
    };
    const evidence = data.links
      .filter((l) => l.fromClaimId === claim.id && l.target.kind === 'url')
      .map((l) => ({
        source_name: 'evidence',
        description: `${l.relation}${l.note ? `: ${l.note}` : ''}`,
        ...(l.target.kind === 'url' && isHttp(l.target.url) ? { url: l.target.url } : {}),
      }));
    return {
      ...common('note', noteOf(claim.id), claim.createdAt, claim.updatedAt),
      created_by_ref: analystId,
      abstract: claim.text,
      content: `${claim.text}\n\nQuote: “${claim.anchor.exact}”\n\n${attributionLine(claim, (id) => names.get(id) ?? id)}`,
      authors: [capturedBy(data, claim.id) ?? meta.user],
      // The note is about what these speakers and outlets said or carried; an unattributed
      // claim with no outlet is about the case's report.
      object_refs: carriers.length > 0 ? carriers.map((id) => stixId('identity', id)) : [reportId],
      ...(confidence === null ? {} : { confidence }),
      labels: [...gradeLabels(score.reliability, claim.credibility), ...claim.tags],
      external_references: [
        ...(source ? [source] : []),
        ...evidence,
        { source_name: 'claimdesk', external_id: `claim:${claim.id}` },
      ],
    };
  };

  const claimsById = new Map(data.claims.map((c) => [c.id, c]));
  const opinion = (judgment: Judgment): StixObject[] =>
    opinionObjects(judgment, {
      common,
      analystId,
      author: meta.user,
      reportId,
      claims: claimsById,
    });

  const relationship = (link: EvidenceLink): StixObject[] => {
    if (link.target.kind !== 'claim') return [];
    return [
      {
        ...common('relationship', stixId('relationship', link.id), link.createdAt, link.updatedAt),
        created_by_ref: analystId,
        relationship_type: RELATIONSHIP_TYPE[link.relation],
        source_ref: noteOf(link.fromClaimId),
        target_ref: noteOf(link.target.claimId),
        ...(link.note ? { description: link.note } : {}),
      },
    ];
  };

  const objects = [
    analyst,
    ...data.entities.map(identity),
    ...data.claims.map(note),
    ...data.judgments.flatMap(opinion),
    ...data.links.flatMap(relationship),
  ];
  const report: StixObject = {
    ...common('report', reportId, data.case.createdAt, data.case.updatedAt),
    created_by_ref: analystId,
    name: data.case.title,
    ...(data.case.question ? { description: data.case.question } : {}),
    published: time(meta.now),
    object_refs: objects.map((o) => o.id),
  };
  return {
    type: 'bundle',
    id: `bundle--${uuidV5(`stix:bundle:${data.case.id}`)}`,
    objects: [report, ...objects],
  };
}
