/**
 * The crash harness (scripts/crash-harness.ts) in a short run: 15 SIGKILLs across its
 * scenarios (edits through the contract killed after an ack, mid-burst, in a fold, at
 * startup; a restore and an empty start killed at their steps; backups killed as they are
 * made and pruned; a version 5 store killed as it converts), each followed by the next start
 * and the check of the harness's invariant (see its header). `npm run test:crash` runs the
 * full set. CLAIMDESK_CRASH_SEED replays another seed.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS, runCrashHarness, scenarioLine, summaryLine } from '../../scripts/crash-harness';

const SEED = Number(process.env.CLAIMDESK_CRASH_SEED ?? 20251128);

describe('the store under SIGKILL', () => {
  it('keeps every acknowledged edit and the last good backup through kills in every scenario', async () => {
    // The edits scenario starts the whole backend each round, the others the store alone.
    const kills = { edits: 4, restore: 4, 'start-empty': 2, rotation: 3, migration: 2 };
    const report = await runCrashHarness({ kills, seed: SEED });
    const lines = SCENARIOS.flatMap((name) => {
      const stats = report.scenarios[name];
      return stats ? [scenarioLine(name, stats)] : [];
    });
    const context = [summaryLine(report), ...lines, ...report.findings].join('\n');
    for (const name of SCENARIOS) {
      const stats = report.scenarios[name];
      expect(stats, context).toBeDefined();
      if (!stats) continue;
      expect(stats.kills, `${name}\n${context}`).toBe(kills[name]);
      expect(stats.opens, `${name}\n${context}`).toBe(kills[name]);
      expect(stats.corrupt, `${name}\n${context}`).toBe(0);
      expect(stats.lost, `${name}\n${context}`).toBe(0);
      expect(stats.backupsLost, `${name}\n${context}`).toBe(0);
      expect(stats.unexpected + stats.outOfOrder, `${name}\n${context}`).toBe(0);
      expect(stats.childFailures, `${name}\n${context}`).toBe(0);
      // The harness's own edits are all valid: a rejection means the harness is wrong.
      expect(stats.figures.rejected ?? 0, `${name}\n${context}`).toBe(0);
    }
    // The rotation of kill moments reaches a fold, and the repairs recover what they should.
    expect(report.scenarios.edits?.figures['folds seen'], context).toBeGreaterThan(0);
    expect(report.scenarios.restore?.recovered, context).toBeGreaterThan(0);
  }, 180_000);
});
