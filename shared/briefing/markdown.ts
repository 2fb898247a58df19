/** A briefing note as Markdown. User text is escaped, so a claim cannot inject markup. */
import type { BriefingModel } from '../domain/briefingModel';
import { ANALYTIC_CONFIDENCE_LABEL, claimScoreText } from '../domain/labels';
import { evidenceSegments, noteCitation } from './citation';

/** Backslash-escapes Markdown's special characters, and neutralises raw HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|>~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}

const ref = (n: number) => `[^${n}]`;

export function briefingToMarkdown(m: BriefingModel): string {
  const e = escapeMarkdown;
  const out: string[] = [];
  if (m.marking) out.push(`**${e(m.marking)}**`, '');
  out.push(`# ${e(m.title)}`, '');
  const byline = [m.author, m.date].filter(Boolean).map(e).join(' · ');
  if (byline) out.push(byline, '');
  if (m.bluf) out.push('## Bottom line up front', '', e(m.bluf), '');
  if (m.judgments.length > 0) {
    out.push('## Key judgments', '');
    m.judgments.forEach((j, i) => {
      const evidence = evidenceSegments(j)
        .map((s) => ('note' in s ? ref(s.note) : e(s.text)))
        .join('');
      // ICD 203: likelihood and confidence in sentences of their own.
      out.push(
        `${i + 1}. ${e(j.statement)} Likelihood: ${e(j.likelihood)} (${e(j.range)}). ${ANALYTIC_CONFIDENCE_LABEL}: ${e(j.confidence)}.${evidence ? `  \n   ${evidence}` : ''}`,
      );
    });
    out.push('');
  }
  if (m.actors.length > 0) {
    out.push('## What the actors said', '');
    for (const a of m.actors) {
      out.push(`### ${e(a.name)}`, '');
      if (a.description)
        out.push(`*${e(a.description)}*, source reliability ${e(a.reliability)}`, '');
      for (const p of a.points) out.push(`- ${e(p.text)}${ref(p.note)}`);
      out.push('');
    }
  }
  if (m.claims.length > 0) {
    out.push('## Claims', '');
    for (const c of m.claims) {
      out.push(
        `- **${e(c.text)}**${ref(c.note)} — ${e(c.attribution)} (${e(c.grade)}, ${claimScoreText(c.score)})`,
      );
    }
    out.push('');
  }
  if (m.sources.length > 0) {
    out.push('## Sources', '', '| Source | Kind | Reliability |', '|---|---|---|');
    for (const s of m.sources)
      out.push(`| ${e(s.name)} | ${e(s.kind)} | ${e(s.grade)} — ${e(s.label)} |`);
    out.push('');
  }
  for (const n of m.notes) {
    // Only a web address becomes an autolink: "<javascript:…>" would be a link too.
    const parts = noteCitation(n).map((p) =>
      p.url && /^https?:\/\//i.test(p.text)
        ? `<${p.text.replace(/[<>\s]/g, encodeURIComponent)}>`
        : p.italic
          ? `*${e(p.text)}*`
          : e(p.text),
    );
    out.push(`[^${n.n}]: ${parts.join(', ')}.`);
  }
  if (m.marking) out.push('', `**${e(m.marking)}**`);
  return `${out.join('\n').trimEnd()}\n`;
}
