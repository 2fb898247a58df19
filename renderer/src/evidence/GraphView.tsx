/**
 * The evidence around a claim or a judgment as a graph (Cytoscape.js). Green edges support,
 * red ones contradict, grey give context, blue dashed join repeats of the same claim. The
 * same graph is listed in text under the drawing, for the keyboard and screen readers.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { GraphEdge } from '../../../shared/contract/channels';
import { LINK_LABELS } from '../../../shared/domain/linkLabels';
import { countOf } from '../../../shared/domain/labels';
import { evidenceSelectors, useAppStore } from '../store';
import { ClaimPicker } from './ClaimPicker';

/**
 * Cytoscape adds an inline <style> (`position: relative` on its container) unless an element
 * with this id exists. Our CSP forbids inline styles, and styles.css already holds the rule,
 * so a marker stands in for it and nothing is blocked.
 */
function markCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.prepend(marker);
}

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

const EDGE_WORDS: Record<GraphEdge['relation'], string> = {
  supports: LINK_LABELS.supports.from.toLowerCase(),
  contradicts: LINK_LABELS.contradicts.from.toLowerCase(),
  context: LINK_LABELS.context.from.toLowerCase(),
  same_claim: LINK_LABELS.same_claim.from.toLowerCase(),
  'basis-supports': 'supports the judgment',
  'basis-contradicts': 'cuts against the judgment',
};

export function GraphView() {
  const focus = useAppStore(evidenceSelectors.graphFocus);
  const judgments = useAppStore(evidenceSelectors.judgments);
  const loaded = useAppStore(evidenceSelectors.graph);
  const loadGraph = useAppStore((s) => s.loadGraph);
  const showGraph = useAppStore((s) => s.showGraph);
  const selectClaim = useAppStore((s) => s.selectClaim);
  const claimCache = useAppStore((s) => s.claimCache);
  const container = useRef<HTMLDivElement>(null);
  const firstJudgment = judgments[0]?.id;
  const target = focus ?? (firstJudgment ? { kind: 'judgment' as const, id: firstJudgment } : null);
  const graph = loaded ?? { nodes: [], edges: [], claims: [], truncated: false };
  const scoreOf = (id: string) => graph.claims.find((r) => r.claim.id === id)?.score?.value;

  // The graph opened without a focus of its own (the tab): around the first judgment, once
  // the judgments are here (the tab may open before they have loaded).
  useEffect(() => {
    if (!loaded) void loadGraph();
  }, [loaded, loadGraph, firstJudgment]);

  useEffect(() => {
    if (!container.current || graph.nodes.length === 0) return;
    markCytoscapeStylesheet();
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...graph.nodes.map((n) => ({
          data: {
            id: n.id,
            label:
              n.kind === 'claim' ? `${short(n.label)}  [${scoreOf(n.id) ?? '—'}]` : short(n.label),
          },
          classes: `${n.kind}${n.focus ? ' focus' : ''}`,
        })),
        ...graph.edges.map((e) => ({
          data: { ...e, label: EDGE_WORDS[e.relation] },
          classes: e.relation,
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'text-wrap': 'wrap',
            'text-max-width': '160px',
            'font-size': 10,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'background-color': '#5f6b76',
            width: 18,
            height: 18,
          },
        },
        {
          selector: 'node.judgment',
          style: { shape: 'round-rectangle', 'background-color': '#2459c4', width: 28, height: 20 },
        },
        { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#ffcc00' } },
        {
          selector: 'edge',
          style: {
            width: 2,
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            label: 'data(label)',
            'font-size': 8,
            color: '#5f6b76',
            'text-rotation': 'autorotate',
          },
        },
        {
          selector: 'edge.supports, edge.basis-supports',
          style: { 'line-color': '#2e9d57', 'target-arrow-color': '#2e9d57' },
        },
        {
          selector: 'edge.contradicts, edge.basis-contradicts',
          style: { 'line-color': '#d0453a', 'target-arrow-color': '#d0453a' },
        },
        {
          selector: 'edge.context',
          style: { 'line-color': '#a3acb5', 'target-arrow-color': '#a3acb5' },
        },
        {
          selector: 'edge.same_claim',
          style: { 'line-color': '#2459c4', 'line-style': 'dashed', 'target-arrow-shape': 'none' },
        },
      ],
      // The focus in the middle, what bears on it around: readable without a force layout.
      layout: {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) =>
          node.hasClass('focus') ? 3 : node.hasClass('judgment') ? 2 : 1,
        levelWidth: () => 1,
        minNodeSpacing: 70,
        padding: 40,
        animate: false,
      },
      maxZoom: 1.4,
      minZoom: 0.3,
    });
    cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      showGraph({ kind: node.hasClass('judgment') ? 'judgment' : 'claim', id: node.id() });
    });
    return () => cy.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redrawn when the graph changes
  }, [loaded, showGraph]);

  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;

  return (
    <main className="graph-view" aria-label="Evidence graph">
      <header className="view-header">
        <h2>Evidence graph</h2>
        <label className="inline">
          <span className="label">Around</span>
          <select
            value={target ? `${target.kind}:${target.id}` : ''}
            onChange={(e) => {
              const [kind, id] = e.target.value.split(':');
              if ((kind === 'claim' || kind === 'judgment') && id) showGraph({ kind, id });
            }}
          >
            <optgroup label="Key judgments">
              {judgments.map((j) => (
                <option key={j.id} value={`judgment:${j.id}`}>
                  {short(j.statement)}
                </option>
              ))}
            </optgroup>
            {target?.kind === 'claim' && (
              <optgroup label="Claim">
                <option value={`claim:${target.id}`}>
                  {short(
                    graph.claims.find((r) => r.claim.id === target.id)?.claim.text ??
                      claimCache[target.id]?.claim.text ??
                      'The claim',
                  )}
                </option>
              </optgroup>
            )}
          </select>
        </label>
        <ClaimPicker
          label="Centre on a claim"
          onPick={(claim) => showGraph({ kind: 'claim', id: claim.id })}
        />
        {graph.truncated && (
          <p className="muted">
            The neighbourhood is larger than a graph can show: the nearest claims are drawn.
          </p>
        )}
      </header>
      {graph.nodes.length === 0 ? (
        <p className="hint">Pick a claim or a judgment to see the evidence around it.</p>
      ) : (
        <>
          <div className="graph-canvas" ref={container} data-testid="graph-canvas" />
          <details className="graph-list" open>
            <summary>
              {countOf(graph.nodes.length, 'node')}, {countOf(graph.edges.length, 'link')}
            </summary>
            <ul aria-label="Graph links">
              {graph.edges.map((e) => (
                <li key={e.id} className={e.relation}>
                  “{name(e.source)}” {EDGE_WORDS[e.relation]} “{name(e.target)}”
                </li>
              ))}
            </ul>
            <div className="actions start">
              {graph.nodes
                .filter((n) => n.kind === 'claim')
                .map((n) => (
                  <button
                    key={n.id}
                    type="button"
                    className="link"
                    onClick={() => void selectClaim(n.id, true)}
                  >
                    Open “{n.label}”
                  </button>
                ))}
            </div>
          </details>
        </>
      )}
    </main>
  );
}
