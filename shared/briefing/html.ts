/**
 * A briefing note as one self-contained HTML file: styles inline, no scripts, no external
 * resources, every piece of user text escaped.
 */
import type { BriefingModel } from '../domain/briefingModel';
import { ANALYTIC_CONFIDENCE_LABEL, claimScoreText } from '../domain/labels';
import { evidenceSegments, noteCitation } from './citation';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body{font-family:Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1d2329;line-height:1.5}
h1{font-size:1.7em;margin:.3em 0}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
h2,h3{break-after:avoid;page-break-after:avoid}h3{font-size:1.05em;margin-bottom:.2em}.marking{text-align:center;font-weight:bold;letter-spacing:.05em}
.byline{color:#555}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left}
a.ref{text-decoration:none;font-weight:bold}.evidence{margin-top:0}.notes{font-size:.9em}.grade{font-family:monospace;font-weight:bold}`;

/** A note reference, "[3]" in the running text's size, linked to its note. */
const ref = (n: number) => `<a class="ref" href="#note-${n}">[${n}]</a>`;

export function briefingToHtml(m: BriefingModel): string {
  const e = escapeHtml;
  const parts: string[] = [];
  const marking = m.marking ? `<p class="marking">${e(m.marking)}</p>` : '';
  parts.push(marking, `<h1>${e(m.title)}</h1>`);
  const byline = [m.author, m.date].filter(Boolean).map(e).join(' · ');
  if (byline) parts.push(`<p class="byline">${byline}</p>`);
  if (m.bluf) parts.push('<h2>Bottom line up front</h2>', `<p>${e(m.bluf)}</p>`);
  if (m.judgments.length > 0) {
    parts.push('<h2>Key judgments</h2><ol>');
    for (const j of m.judgments) {
      const evidence = evidenceSegments(j)
        .map((s) => ('note' in s ? ref(s.note) : e(s.text)))
        .join('');
      parts.push(
        `<li><p>${e(j.statement)} Likelihood: ${e(j.likelihood)} (${e(j.range)}).</p><p>${ANALYTIC_CONFIDENCE_LABEL}: ${e(j.confidence)}.</p>${evidence ? `<p class="evidence">${evidence}</p>` : ''}</li>`,
      );
    }
    parts.push('</ol>');
  }
  if (m.actors.length > 0) {
    parts.push('<h2>What the actors said</h2>');
    for (const a of m.actors) {
      parts.push(`<h3>${e(a.name)}</h3>`);
      if (a.description)
        parts.push(`<p><em>${e(a.description)}</em>, source reliability ${e(a.reliability)}</p>`);
      parts.push(
        `<ul>${a.points.map((p) => `<li>${e(p.text)} ${ref(p.note)}</li>`).join('')}</ul>`,
      );
    }
  }
  if (m.claims.length > 0) {
    parts.push('<h2>Claims</h2><ul>');
    for (const c of m.claims) {
      parts.push(
        `<li><strong>${e(c.text)}</strong> ${ref(c.note)} — ${e(c.attribution)} (<span class="grade">${e(c.grade)}</span>, ${claimScoreText(c.score)})</li>`,
      );
    }
    parts.push('</ul>');
  }
  if (m.sources.length > 0) {
    parts.push(
      '<h2>Sources</h2><table><thead><tr><th>Source</th><th>Kind</th><th>Reliability</th></tr></thead><tbody>',
    );
    for (const s of m.sources) {
      parts.push(
        `<tr><td>${e(s.name)}</td><td>${e(s.kind)}</td><td><span class="grade">${e(s.grade)}</span> — ${e(s.label)}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }
  if (m.notes.length > 0) {
    parts.push('<h2>Notes</h2><ol class="notes">');
    for (const n of m.notes) {
      const cited = noteCitation(n).map((p) =>
        p.url
          ? /^https?:\/\//i.test(p.text)
            ? `<a href="${e(p.text)}">${e(p.text)}</a>`
            : e(p.text)
          : p.italic
            ? `<em>${e(p.text)}</em>`
            : e(p.text),
      );
      parts.push(`<li id="note-${n.n}" value="${n.n}">${cited.join(', ')}.</li>`);
    }
    parts.push('</ol>');
  }
  if (marking) parts.push(marking);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(m.title)}</title><style>${STYLE}</style></head>
<body>
${parts.filter(Boolean).join('\n')}
</body></html>
`;
}
