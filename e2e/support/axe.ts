/**
 * Accessibility checks with axe-core (issue 12): a page passes when axe finds no violation of
 * serious or critical impact. Failures list each rule with a few of the elements it flags.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Rules of lesser impact held too: the one h1 and content inside landmarks (issue 12). */
const ALSO_HELD = new Set(['page-has-heading-one', 'region', 'landmark-one-main']);

export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || ALSO_HELD.has(v.id),
  );
  const found = serious.map(
    (v) =>
      `${v.id} (${v.impact ?? ''}) ×${v.nodes.length}: ` +
      v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | '),
  );
  expect(found, `serious accessibility violations in ${where}`).toEqual([]);
}
