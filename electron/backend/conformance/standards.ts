/**
 * Where the official schemas and scales live: ../shared/standards beside the checkout (the
 * project's shared folder). Conformance tests read them from there; where the folder is
 * absent they are skipped with a message saying so, never passed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const STANDARDS_DIR = path.resolve(process.cwd(), '..', 'shared', 'standards');
export const standardsPresent = existsSync(path.join(STANDARDS_DIR, 'scales.json'));

export function announceMissingStandards(suite: string): void {
  if (standardsPresent) return;
  console.warn(
    `\n!! ${suite}: NOT CHECKED. The official standards folder ${STANDARDS_DIR} is absent, ` +
      'so this conformance suite was skipped. Put the shared/ folder beside the checkout to run it.\n',
  );
}
