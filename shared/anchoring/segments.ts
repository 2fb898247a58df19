/**
 * Splits a document's text into runs for the reader: each run is a stretch of text
 * covered by the same set of claims. Overlapping highlights fall out naturally: a run
 * covered by two claims lists both.
 */
export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** The claims covering this run, in the order their spans were given. */
  ids: string[];
}

export function segmentText(textLength: number, spans: readonly Span[]): Segment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= textLength && s.end > s.start);
  const cuts = new Set<number>([0, textLength]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const ids = valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    segments.push({ start, end, ids });
  }
  return segments;
}
