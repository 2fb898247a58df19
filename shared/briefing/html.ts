/**
 * A briefing note as one self-contained HTML file: styles inline, no scripts, no external
 * resources, every piece of user text escaped.
 */
import type { BriefingModel } from '../domain/briefingModel';

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
h3{font-size:1.05em;margin-bottom:.2em}.marking{text-align:center;font-weight:bold;letter-spacing:.05em}
.byline{color:#555}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left}
sup a{text-decoration:none}.notes{font-size:.9em}.grade{font-family:monospace;font-weight:bold}`;

const sup = (n: number) => `<sup><a href="#note-${n}">${n}</a></sup>`;
/** Several notes on one statement: one superscript, comma-separated. */
const sups = (ns: readonly number[]) =>
  ns.length === 0 ? '' : `<sup>${ns.map((n) => `<a href="#note-${n}">${n}</a>`).join(',')}</sup>`;

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
      parts.push(
        `<li><p>${e(j.statement)}${sups(j.notes)} Likelihood: ${e(j.likelihood)} (${e(j.range)}).</p><p>Confidence: ${e(j.confidence)}.</p></li>`,
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
      parts.push(`<ul>${a.points.map((p) => `<li>${e(p.text)}${sup(p.note)}</li>`).join('')}</ul>`);
    }
  }
  if (m.claims.length > 0) {
    parts.push('<h2>Claims</h2><ul>');
    for (const c of m.claims) {
      const score = c.score === null ? 'no score' : `confidence ${c.score}`;
      parts.push(
        `<li><strong>${e(c.text)}</strong>${sup(c.note)} — ${e(c.attribution)} (<span class="grade">${e(c.grade)}</span>, ${score})</li>`,
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
      const safeUrl = /^https?:\/\//i.test(n.url) ? `, <a href="${e(n.url)}">${e(n.url)}</a>` : '';
      const fields = [n.speaker, n.outlet].filter(Boolean).map(e).join(', ');
      parts.push(
        `<li id="note-${n.n}">“${e(n.quote)}”, ${fields}, <em>${e(n.document)}</em>${n.date ? `, ${e(n.date)}` : ''}${safeUrl}. </li>`,
      );
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
