/**
 * `npm run -s suggest -- FILE...`: suggested claims for plain-text files, one JSON line per
 * file (issue 13). A file that cannot be read is named on stderr; the others are still
 * printed, and the exit code is 1 at the end.
 *
 * Options: --published YYYY-MM-DD and --outlet NAME apply to every file.
 */
import { readFile } from 'node:fs/promises';
import { toCliClaim } from '../shared/suggest/cli';
import { suggestClaims } from '../shared/suggest';
import type { SuggestOptions } from '../shared/suggest';

function parseArgs(argv: readonly string[]): { files: string[]; options: SuggestOptions } {
  const files: string[] = [];
  const options: SuggestOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--published') options.publishedAt = argv[++i];
    else if (arg === '--outlet') options.outlet = argv[++i];
    else files.push(arg);
  }
  return { files, options };
}

async function main(): Promise<number> {
  const { files, options } = parseArgs(process.argv.slice(2));
  if (files.length === 0) {
    process.stderr.write(
      'usage: npm run -s suggest -- [--published YYYY-MM-DD] [--outlet NAME] FILE...\n',
    );
    return 2;
  }
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`suggest: cannot read ${file}: ${reason}\n`);
      failed = true;
      continue;
    }
    const claims = suggestClaims(text, options).map((s) => toCliClaim(text, s));
    process.stdout.write(`${JSON.stringify({ file, claims })}\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`suggest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
