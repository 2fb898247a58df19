/**
 * The neighbourhood drawn by the evidence graph: around a claim (its links, two steps out,
 * and the judgments resting on it) or around a judgment (its basis and their links).
 */
import type { Claim, EvidenceLink, Judgment } from '../../../shared/domain/schemas';

export interface GraphNode {
  id: string;
  kind: 'claim' | 'judgment';
  label: string;
  focus: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  relation: EvidenceLink['relation'] | 'basis-supports' | 'basis-contradicts';
}

const claimEdges = (links: readonly EvidenceLink[]) =>
  links.flatMap((l) =>
    l.target.kind === 'claim'
      ? [{ id: l.id, source: l.fromClaimId, target: l.target.claimId, relation: l.relation }]
      : [],
  );

export function neighbourhood(
  focus: { kind: 'claim' | 'judgment'; id: string },
  claims: readonly Claim[],
  links: readonly EvidenceLink[],
  judgments: readonly Judgment[],
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const edges = claimEdges(links);
  const included = new Set<string>();
  const judgmentIds = new Set<string>();
  if (focus.kind === 'claim') {
    included.add(focus.id);
    for (let step = 0; step < 2; step++) {
      for (const e of edges) {
        if (included.has(e.source) || included.has(e.target)) {
          included.add(e.source);
          included.add(e.target);
        }
      }
    }
    for (const j of judgments)
      if (j.basis.some((b) => b.claimId === focus.id)) judgmentIds.add(j.id);
  } else {
    judgmentIds.add(focus.id);
    const judgment = judgments.find((j) => j.id === focus.id);
    judgment?.basis.forEach((b) => included.add(b.claimId));
  }
  const claimText = new Map(claims.map((c) => [c.id, c.text]));
  const nodes: GraphNode[] = [
    ...[...included]
      .filter((id) => claimText.has(id))
      .map((id) => ({
        id,
        kind: 'claim' as const,
        label: claimText.get(id) ?? '',
        focus: id === focus.id,
      })),
    ...judgments
      .filter((j) => judgmentIds.has(j.id))
      .map((j) => ({
        id: j.id,
        kind: 'judgment' as const,
        label: j.statement,
        focus: j.id === focus.id,
      })),
  ];
  const present = new Set(nodes.map((n) => n.id));
  const graphEdges: GraphEdge[] = edges.filter(
    (e) => present.has(e.source) && present.has(e.target),
  );
  for (const j of judgments) {
    if (!judgmentIds.has(j.id)) continue;
    for (const b of j.basis) {
      if (!present.has(b.claimId)) continue;
      graphEdges.push({
        id: `${j.id}-${b.claimId}`,
        source: b.claimId,
        target: j.id,
        relation: b.relation === 'supports' ? 'basis-supports' : 'basis-contradicts',
      });
    }
  }
  return { nodes, edges: graphEdges };
}
