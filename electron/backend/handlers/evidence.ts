/**
 * What the evidence views draw: one claim's links from both ends (the evidence panel), and
 * the graph around a claim or a judgment. Both walk the link index from the claim outwards,
 * so they cost the size of the neighbourhood, not of the case.
 */
import type {
  ClaimEvidence,
  EvidenceGraph,
  GraphEdge,
  GraphNode,
} from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { Judgment } from '../../../shared/domain/schemas';
import type { HandlerContext } from './context';
import { claimRow, judgmentsOfClaim, linksOfClaim } from './lookups';
import { requireClaim } from './require';
import type { HandlersFor } from './types';

/** Most claims a graph draws: beyond, the nearest ones are kept and the graph says so. */
const MAX_GRAPH_CLAIMS = 200;
const STEPS = 2;

function claimEvidence(ctx: HandlerContext, claimId: string): ClaimEvidence {
  requireClaim(ctx.store, claimId);
  const links = linksOfClaim(ctx, claimId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((link) => {
      const end: 'from' | 'to' = link.fromClaimId === claimId ? 'from' : 'to';
      const otherId =
        end === 'to' ? link.fromClaimId : link.target.kind === 'claim' ? link.target.claimId : null;
      const other = otherId ? ctx.store.get('claims', otherId) : undefined;
      const spanDocument =
        link.target.kind === 'span'
          ? ctx.store.get('documents', link.target.documentId)
          : undefined;
      return {
        link,
        end,
        other: other ? claimRow(ctx, other) : null,
        document: spanDocument ? { id: spanDocument.id, title: spanDocument.title } : null,
      };
    });
  const judgments = judgmentsOfClaim(ctx, claimId).flatMap((judgment) =>
    judgment.basis
      .filter((b) => b.claimId === claimId)
      .map((b) => ({ judgment, relation: b.relation })),
  );
  return { links, judgments };
}

function graphAround(
  ctx: HandlerContext,
  focus: { kind: 'claim' | 'judgment'; id: string },
): EvidenceGraph {
  const included = new Set<string>();
  const judgments: Judgment[] = [];
  let frontier: string[];
  if (focus.kind === 'claim') {
    requireClaim(ctx.store, focus.id);
    frontier = [focus.id];
    judgments.push(...judgmentsOfClaim(ctx, focus.id));
  } else {
    const judgment = ctx.store.get('judgments', focus.id);
    if (!judgment)
      throw new CallFailure('not_found', `There is no judgment with id ${focus.id}.`, 'focus');
    judgments.push(judgment);
    frontier = judgment.basis.map((b) => b.claimId);
  }
  let truncated = false;
  frontier.forEach((id) => included.add(id));
  // Claims, breadth first from the focus: the nearest are kept when there are too many.
  for (let step = 0; step < (focus.kind === 'claim' ? STEPS : 0); step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const link of linksOfClaim(ctx, id)) {
        if (link.target.kind !== 'claim') continue;
        for (const end of [link.fromClaimId, link.target.claimId]) {
          if (included.has(end)) continue;
          if (included.size >= MAX_GRAPH_CLAIMS) {
            truncated = true;
            continue;
          }
          included.add(end);
          next.push(end);
        }
      }
    }
    frontier = next;
  }
  const rows = [...included].flatMap((id) => {
    const claim = ctx.store.get('claims', id);
    return claim ? [claimRow(ctx, claim)] : [];
  });
  const nodes: GraphNode[] = [
    ...rows.map((r) => ({
      id: r.claim.id,
      kind: 'claim' as const,
      label: r.claim.text,
      focus: r.claim.id === focus.id,
    })),
    ...judgments.map((j) => ({
      id: j.id,
      kind: 'judgment' as const,
      label: j.statement,
      focus: j.id === focus.id,
    })),
  ];
  const present = new Set(rows.map((r) => r.claim.id));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const id of present) {
    for (const link of linksOfClaim(ctx, id)) {
      if (link.target.kind !== 'claim' || seen.has(link.id)) continue;
      if (!present.has(link.fromClaimId) || !present.has(link.target.claimId)) continue;
      seen.add(link.id);
      edges.push({
        id: link.id,
        source: link.fromClaimId,
        target: link.target.claimId,
        relation: link.relation,
      });
    }
  }
  for (const j of judgments) {
    for (const b of j.basis) {
      if (!present.has(b.claimId)) continue;
      edges.push({
        id: `${j.id}-${b.claimId}`,
        source: b.claimId,
        target: j.id,
        relation: b.relation === 'supports' ? 'basis-supports' : 'basis-contradicts',
      });
    }
  }
  return { nodes, edges, claims: rows, truncated };
}

export const evidenceHandlers: HandlersFor<'evidence:ofClaim' | 'evidence:graph'> = {
  'evidence:ofClaim': async ({ claimId }, ctx) => claimEvidence(ctx, claimId),
  'evidence:graph': async ({ focus }, ctx) => graphAround(ctx, focus),
};
