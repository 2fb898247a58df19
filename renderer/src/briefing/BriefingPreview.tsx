/**
 * The note as saved, rendered from the same model the exports are written from, and in
 * the same shape as the HTML file (shared/briefing/html.ts), so what the analyst reads here
 * is what the DOCX, PDF, Markdown and HTML files say: note references as "[n]", each
 * judgment's evidence for and against, the claim score named as such.
 */
import { evidenceSegments, noteCitation } from '../../../shared/briefing/citation';
import type { BriefingModel } from '../../../shared/domain/briefingModel';
import { ANALYTIC_CONFIDENCE_LABEL, claimScoreText } from '../../../shared/domain/labels';

/** A note reference, "[3]" in the running text's size, as in the exported files. */
const Ref = ({ n }: { n: number }) => (
  <a className="note-ref" href={`#note-${n}`}>
    [{n}]
  </a>
);

export function BriefingPreview({
  model,
  edited,
}: {
  model: BriefingModel;
  edited: ReadonlySet<string>;
}) {
  return (
    <article className="briefing-preview" aria-label="Preview">
      {model.marking && <p className="marking">{model.marking}</p>}
      <h1>{model.title}</h1>
      {(model.author || model.date) && (
        <p className="byline">{[model.author, model.date].filter(Boolean).join(' · ')}</p>
      )}
      {model.bluf && (
        <>
          <h2>Bottom line up front</h2>
          <p>{model.bluf}</p>
        </>
      )}
      {model.judgments.length > 0 && (
        <>
          <h2>Key judgments</h2>
          <ol>
            {model.judgments.map((j, i) => (
              <li key={i}>
                <p>
                  {j.statement} Likelihood: {j.likelihood} ({j.range}).
                </p>
                <p>
                  {ANALYTIC_CONFIDENCE_LABEL}: {j.confidence}.
                </p>
                {evidenceSegments(j).length > 0 && (
                  <p className="evidence">
                    {evidenceSegments(j).map((segment, k) =>
                      'note' in segment ? (
                        <Ref key={k} n={segment.note} />
                      ) : (
                        <span key={k}>{segment.text}</span>
                      ),
                    )}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {model.actors.length > 0 && (
        <>
          <h2>What the actors said</h2>
          {model.actors.map((a) => (
            <section key={a.name}>
              <h3>{a.name}</h3>
              {a.description && (
                <p>
                  <em>{a.description}</em>, source reliability {a.reliability}
                </p>
              )}
              <ul>
                {a.points.map((p) => (
                  <li key={p.note}>
                    {p.text} <Ref n={p.note} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      {model.claims.length > 0 && (
        <>
          <h2>Claims</h2>
          <ul>
            {model.claims.map((c) => (
              <li key={c.claimId} className={edited.has(c.claimId) ? 'edited' : undefined}>
                <strong>{c.text}</strong> <Ref n={c.note} /> — {c.attribution} (
                <span className="grade">{c.grade}</span>, {claimScoreText(c.score)})
                {edited.has(c.claimId) && <span className="badge orphan">edited since saved</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {model.sources.length > 0 && (
        <>
          <h2>Sources</h2>
          <table>
            <thead>
              <tr>
                <th>Source</th>
                <th>Kind</th>
                <th>Reliability</th>
              </tr>
            </thead>
            <tbody>
              {model.sources.map((s) => (
                <tr key={s.name}>
                  <td>{s.name}</td>
                  <td>{s.kind}</td>
                  <td>
                    <span className="grade">{s.grade}</span> — {s.label}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {model.notes.length > 0 && (
        <>
          <h2>Notes</h2>
          <ol className="notes">
            {model.notes.map((n) => (
              <li key={n.n} id={`note-${n.n}`} value={n.n}>
                {noteCitation(n).map((part, k) => (
                  <span key={k}>
                    {k > 0 && ', '}
                    {part.italic ? <em>{part.text}</em> : part.text}
                  </span>
                ))}
                .
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
