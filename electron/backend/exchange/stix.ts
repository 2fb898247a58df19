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
import type { CaseData } from './caseData';
import type { ExportMeta } from './caseFile';
import { attributionLine } from './claimSummary';
import { stixId, uuidV5 } from './ids';
import { opinionObjects, type StixObject } from './stixOpinion';
import { IDENTITY_CLASS, gradeLabels, noteConfidence } from './stixMappings';
import { writeJsonArray, type FileWriter, type Progress } from './streamWriter';

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

/** The STIX objects of a case, made one at a time as the bundle is written. */
function stixMakers(data: CaseData, meta: ExportMeta) {
  const reportId = stixId('report', data.case.id);
  const analystId = stixId('identity', `analyst:${meta.user}`);
  // The fields every object shares, then its own. Not `{ ...common(), ... }`: a literal
  // that began with the spread of the object common() had just made took 15 µs a note in
  // V8 (1.5 s of a 100,000-claim bundle), five times the rest of the note. (A parsed
  // record spreads fast: it is the fresh object that was slow, as measured on Node 20.)
  const common = (
    type: string,
    id: string,
    created: string,
    modified: string,
    fields: Record<string, unknown>,
  ): StixObject => ({
    type,
    spec_version: '2.1',
    id,
    created: time(created),
    modified: time(modified),
    ...fields,
  });
  // Each id is derived once: a note's id is named by the report, its relationships and itself,
  // an identity's by every note about what it said or carried.
  const noteIds = new Map<string, string>();
  const noteOf = (claimId: string) => {
    let id = noteIds.get(claimId);
    if (!id) noteIds.set(claimId, (id = stixId('note', claimId)));
    return id;
  };
  const identityIds = new Map<string, string>();
  const identityOf = (entityId: string) => {
    let id = identityIds.get(entityId);
    if (!id) identityIds.set(entityId, (id = stixId('identity', entityId)));
    return id;
  };
  const names = new Map(data.entities.map((e) => [e.id, e.name]));
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  // The account's identity is the same object in every case's bundle (same id), so it must be
  // the same version everywhere (STIX 2.1 §3.6): it carries no case's dates, only the epoch.
  const analyst = common('identity', analystId, ACCOUNT_EPOCH, ACCOUNT_EPOCH, {
    name: meta.user,
    identity_class: 'individual',
    roles: ['analyst'],
  });

  const identity = (entity: Entity): StixObject =>
    common('identity', identityOf(entity.id), entity.createdAt, entity.updatedAt, {
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
    const score = data.score(claim);
    const confidence = noteConfidence(claim.credibility);
    const source = document && {
      source_name: document.outlet || names.get(outletId ?? '') || 'document',
      description: `“${document.title}”${document.publishedAt ? `, published ${document.publishedAt}` : ''}`,
      ...(isHttp(document.url) ? { url: document.url } : {}),
    };
    const evidence = (data.linksFrom.get(claim.id) ?? [])
      .filter((l) => l.target.kind === 'url')
      .map((l) => ({
        source_name: 'evidence',
        description: `${l.relation}${l.note ? `: ${l.note}` : ''}`,
        ...(l.target.kind === 'url' && isHttp(l.target.url) ? { url: l.target.url } : {}),
      }));
    return common('note', noteOf(claim.id), claim.createdAt, claim.updatedAt, {
      created_by_ref: analystId,
      abstract: claim.text,
      content: `${claim.text}\n\nQuote: “${claim.anchor.exact}”\n\n${attributionLine(claim, (id) => names.get(id) ?? id)}`,
      authors: [data.capturedBy.get(claim.id) ?? meta.user],
      // The note is about what these speakers and outlets said or carried; an unattributed
      // claim with no outlet is about the case's report.
      object_refs: carriers.length > 0 ? carriers.map(identityOf) : [reportId],
      ...(confidence === null ? {} : { confidence }),
      labels: [...gradeLabels(score.reliability, claim.credibility), ...claim.tags],
      external_references: [
        ...(source ? [source] : []),
        ...evidence,
        { source_name: 'claimdesk', external_id: `claim:${claim.id}` },
      ],
    });
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
      common('relationship', stixId('relationship', link.id), link.createdAt, link.updatedAt, {
        created_by_ref: analystId,
        relationship_type: RELATIONSHIP_TYPE[link.relation],
        source_ref: noteOf(link.fromClaimId),
        target_ref: noteOf(link.target.claimId),
        ...(link.note ? { description: link.note } : {}),
      }),
    ];
  };

  return {
    reportId,
    analystId,
    analyst,
    identity,
    note,
    opinion,
    relationship,
    common,
    noteOf,
    identityOf,
  };
}

/**
 * The bundle, written an object at a time: the report first (it names every object, whose
 * ids are known before the objects are made), then the analyst, the identities, a note per
 * claim, an opinion per judgment and a relationship per claim-to-claim link.
 */
export async function writeStixBundle(
  data: CaseData,
  meta: ExportMeta,
  out: FileWriter,
  progress: Progress,
): Promise<void> {
  const make = stixMakers(data, meta);
  const claimLinks = data.links.filter((l) => l.target.kind === 'claim');
  // Judgments are few: their opinions and basis relationships are made up front.
  const opinions = data.judgments.flatMap(make.opinion);
  const ids = [
    make.analystId,
    ...data.entities.map((e) => make.identityOf(e.id)),
    ...data.claims.map((c) => make.noteOf(c.id)),
    ...opinions.map((o) => o.id),
    ...claimLinks.map((l) => stixId('relationship', l.id)),
  ];
  const report = make.common('report', make.reportId, data.case.createdAt, data.case.updatedAt, {
    created_by_ref: make.analystId,
    name: data.case.title,
    ...(data.case.question ? { description: data.case.question } : {}),
    published: time(meta.now),
    object_refs: ids,
  });
  function* objects(): Generator<StixObject> {
    yield report;
    yield make.analyst;
    yield* data.entities.map(make.identity);
    for (const claim of data.claims) yield make.note(claim);
    yield* opinions;
    for (const link of claimLinks) yield* make.relationship(link);
  }
  await out.write(
    `{\n  "type": "bundle",\n  "id": ${JSON.stringify(`bundle--${uuidV5(`stix:bundle:${data.case.id}`)}`)},\n  "objects": `,
  );
  await writeJsonArray(out, objects(), (o) => o, progress);
  await out.write('\n}\n');
}
