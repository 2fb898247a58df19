/**
 * The mark on a claim linked to another both as "supports" and as "contradicts" (issue 11):
 * the score then counts the same claim for and against, so the analyst should pick one.
 * Words and a title, not colour alone.
 */
export function OppositeLinksMark({ others }: { others: readonly string[] }) {
  if (others.length === 0) return null;
  const title = `Both supports and contradicts ${others.map((t) => `“${t}”`).join(', ')}: keep the link you mean and remove the other.`;
  return (
    <span className="opposite-links" title={title}>
      ⚠ Opposite links
      <span className="sr-only">: {title}</span>
    </span>
  );
}
