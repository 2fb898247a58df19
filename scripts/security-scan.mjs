// Runs Electronegativity (Doyensec) over the Electron shell and the renderer's HTML, and fails
// on any high or medium finding that .electronegativity.json does not accept with a reason.
// The scan reads sources only; it needs no Electron binary.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
);
const { accepted } = JSON.parse(readFileSync(path.join(root, '.electronegativity.json'), 'utf8'));

/** RFC 4180 rows: the report's samples hold commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length > 0) rows.push([...row, cell]);
  return rows;
}

// What the scan sees: the shell (main, preload) and the page it loads, with its CSP.
const input = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-scan-'));
cpSync(path.join(root, 'electron/main'), path.join(input, 'main'), { recursive: true });
cpSync(path.join(root, 'electron/preload'), path.join(input, 'preload'), { recursive: true });
cpSync(path.join(root, 'renderer/index.html'), path.join(input, 'index.html'));

const scan = (output) =>
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
      ...['-i', input, '-o', output, '-r', '-v', 'false', '-e', version],
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );

try {
  // The SARIF report lists every finding reliably; only the CSV carries severities (and it
  // garbles a row whose sample holds quotes). A finding whose severity cannot be read counts
  // as serious: unknown is not safe.
  const sarif = path.join(input, 'report.sarif');
  const csv = path.join(input, 'report.csv');
  scan(sarif);
  scan(csv);
  const severities = new Map(
    parseCsv(readFileSync(csv, 'utf8'))
      .slice(1)
      .filter((row) => row.length >= 4)
      .map(([check, severity, , file]) => [
        `${(check ?? '').trim()}@${(file ?? '').trim().replace(/\\/g, '/')}`,
        (severity ?? '').trim().toUpperCase(),
      ]),
  );
  const findings = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((run) =>
    run.results.map((r) => {
      const file = (r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '').replace(
        /\\/g,
        '/',
      );
      return {
        check: r.ruleId,
        file,
        severity: severities.get(`${r.ruleId}@${file}`) ?? 'UNKNOWN',
      };
    }),
  );
  const serious = findings.filter((f) => f.severity !== 'LOW' && f.severity !== 'INFORMATIONAL');
  const open = serious.filter(
    (f) => !accepted.some((a) => a.check === f.check && f.file.endsWith(a.file)),
  );
  console.log(
    `Electronegativity ${version}: ${findings.length} findings, ${serious.length} high, medium or unreadable, ${serious.length - open.length} accepted with a reason (.electronegativity.json), ${open.length} open.`,
  );
  for (const f of serious) {
    const reason = accepted.find((a) => a.check === f.check && f.file.endsWith(a.file))?.reason;
    if (reason) console.log(`  accepted ${f.severity} ${f.check} in ${f.file}: ${reason}`);
  }
  for (const f of open) console.log(`  OPEN ${f.severity} ${f.check} in ${f.file}`);
  if (open.length > 0) process.exitCode = 1;
} finally {
  rmSync(input, { recursive: true, force: true });
}
