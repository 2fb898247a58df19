/**
 * The claim segments still to parse after open, by case (openStore.ts). The case the UI asks
 * for goes first, so its list fills before the rest of the store has loaded.
 */
import type { SegmentRef } from './manifest';

export interface QueuedSegment {
  ref: SegmentRef;
  bytes: Buffer;
}

export class LoadQueue {
  private readonly first: string[] = [];

  /** `byCase`: each case's segments in bucket order. */
  constructor(private readonly byCase: Map<string, QueuedSegment[]>) {}

  /** Moves a case to the front. */
  prioritize(caseId: string): void {
    if (this.byCase.has(caseId) && this.first[0] !== caseId) this.first.unshift(caseId);
  }

  /** True once every claim of the case is parsed. */
  done(caseId: string): boolean {
    return !this.byCase.has(caseId);
  }

  next(): QueuedSegment | null {
    const caseId = this.first.find((id) => this.byCase.has(id)) ?? this.byCase.keys().next().value;
    if (caseId === undefined) return null;
    const list = this.byCase.get(caseId) ?? [];
    const segment = list.shift() ?? null;
    if (list.length === 0) this.byCase.delete(caseId);
    return segment;
  }
}
