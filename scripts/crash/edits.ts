/**
 * The edits the harness sends (through the contract, as the UI would), the model of what the
 * acknowledged ones must have made (planner.ts picks the next edit).
 *
 * Every edit carries a marker, unique in the run, at the start of its distinctive text, so a
 * record found after a kill can be traced to the edit that made it.
 */

/** The id of what an edit made or touched, from the contract's answer to it. */
export function refOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string') return record.id;
  const document = record.document;
  if (typeof document === 'object' && document !== null && 'id' in document) {
    return typeof document.id === 'string' ? document.id : undefined;
  }
  for (const key of ['claimId', 'linkId', 'judgmentId', 'caseId']) {
    if (typeof record[key] === 'string') return record[key];
  }
  return undefined;
}

const MARKER = /\[e\d+\]/;
export const markerOf = (text: string): string | null => MARKER.exec(text)?.[0] ?? null;

export type Edit =
  | { kind: 'case'; marker: string; title: string }
  | { kind: 'document'; marker: string; title: string; text: string }
  | {
      kind: 'claim-create';
      marker: string;
      documentId: string;
      start: number;
      end: number;
      exact: string;
      text: string;
      notes: string;
    }
  | { kind: 'claim-update'; marker: string; claimId: string; text: string; notes?: string }
  | { kind: 'claim-delete'; marker: string; claimId: string }
  | { kind: 'entity'; marker: string; name: string }
  | {
      kind: 'link';
      marker: string;
      fromClaimId: string;
      targetClaimId: string | null;
      relation: 'supports' | 'contradicts' | 'context';
      note: string;
    }
  | { kind: 'judgment'; marker: string; statement: string; basis: string[] };

export function toCommand(edit: Edit, caseId: string | null): { channel: string; input: unknown } {
  switch (edit.kind) {
    case 'case':
      return { channel: 'cases:create', input: { title: edit.title, question: 'Will it hold?' } };
    case 'document':
      return {
        channel: 'documents:create',
        input: { caseId, title: edit.title, text: edit.text, format: 'paste' },
      };
    case 'claim-create':
      return {
        channel: 'claims:create',
        input: {
          documentId: edit.documentId,
          start: edit.start,
          end: edit.end,
          exact: edit.exact,
          text: edit.text,
          notes: edit.notes,
        },
      };
    case 'claim-update':
      return {
        channel: 'claims:update',
        input:
          edit.notes === undefined
            ? { claimId: edit.claimId, text: edit.text, status: 'corroborated' }
            : { claimId: edit.claimId, text: edit.text, notes: edit.notes },
      };
    case 'claim-delete':
      return { channel: 'claims:delete', input: { claimId: edit.claimId } };
    case 'entity':
      return {
        channel: 'entities:create',
        input: { name: edit.name, kind: 'person', role: 'spokesperson' },
      };
    case 'link':
      return {
        channel: 'links:create',
        input: {
          fromClaimId: edit.fromClaimId,
          relation: edit.relation,
          target:
            edit.targetClaimId === null
              ? { kind: 'url', url: `https://example.org/${edit.marker.slice(1, -1)}` }
              : { kind: 'claim', claimId: edit.targetClaimId },
          note: edit.note,
          // The model keeps the newer note of a link made twice (see applyToModel).
          repeat: 'replace',
        },
      };
    case 'judgment':
      return {
        channel: 'judgments:create',
        input: {
          caseId,
          statement: edit.statement,
          likelihood: 'likely',
          confidence: 'moderate',
          basis: edit.basis.map((claimId) => ({ claimId, relation: 'supports' })),
        },
      };
  }
}

export interface ClaimState {
  text: string;
  notes: string;
  documentId: string;
}
export interface LinkState {
  fromClaimId: string;
  targetClaimId: string | null;
  note: string;
}
export interface JudgmentState {
  statement: string;
  basis: string[];
}

/** What the store must hold: the effect of every acknowledged edit, in order. */
export interface Model {
  dir: string;
  caseId: string | null;
  documents: Map<string, { title: string; text: string }>;
  claims: Map<string, ClaimState>;
  deletedClaims: Set<string>;
  entities: Map<string, string>;
  links: Map<string, LinkState>;
  deletedLinks: Set<string>;
  judgments: Map<string, JudgmentState>;
  /** How many history entries each claim must have at least (one per acknowledged edit of it). */
  history: Map<string, number>;
}

export const emptyModel = (dir: string): Model => ({
  dir,
  caseId: null,
  documents: new Map(),
  claims: new Map(),
  deletedClaims: new Set(),
  entities: new Map(),
  links: new Map(),
  deletedLinks: new Set(),
  judgments: new Map(),
  history: new Map(),
});

const addHistory = (model: Model, claimId: string): void => {
  model.history.set(claimId, (model.history.get(claimId) ?? 0) + 1);
};

/** Records an acknowledged edit; `ref` is the id the backend answered with. */
export function applyAck(model: Model, edit: Edit, ref: string | undefined): string | null {
  const need = (): string => {
    if (!ref) throw new Error(`no id in the answer to ${edit.kind} ${edit.marker}`);
    return ref;
  };
  switch (edit.kind) {
    case 'case':
      model.caseId = need();
      return null;
    case 'document':
      model.documents.set(need(), { title: edit.title, text: edit.text });
      return null;
    case 'claim-create':
      model.claims.set(need(), { text: edit.text, notes: edit.notes, documentId: edit.documentId });
      addHistory(model, need());
      return null;
    case 'claim-update': {
      const claim = model.claims.get(edit.claimId);
      if (!claim) return `update of ${edit.claimId} acknowledged, but the model has no such claim`;
      claim.text = edit.text;
      if (edit.notes !== undefined) claim.notes = edit.notes;
      addHistory(model, edit.claimId);
      return null;
    }
    case 'claim-delete': {
      model.claims.delete(edit.claimId);
      model.deletedClaims.add(edit.claimId);
      addHistory(model, edit.claimId);
      // The handler deletes the claim's links and its place in judgments in the same edit.
      for (const [id, link] of model.links) {
        if (link.fromClaimId === edit.claimId || link.targetClaimId === edit.claimId) {
          model.links.delete(id);
          model.deletedLinks.add(id);
        }
      }
      for (const judgment of model.judgments.values()) {
        judgment.basis = judgment.basis.filter((id) => id !== edit.claimId);
      }
      return null;
    }
    case 'entity':
      model.entities.set(need(), edit.name);
      return null;
    case 'link':
      // The same link twice is merged into the first: same id, newer note.
      model.links.set(need(), {
        fromClaimId: edit.fromClaimId,
        targetClaimId: edit.targetClaimId,
        note: edit.note,
      });
      return null;
    case 'judgment':
      model.judgments.set(need(), { statement: edit.statement, basis: [...edit.basis] });
      return null;
  }
}
