/**
 * Issue 12, what surprised a new user around capture: notices stacked over the reader and
 * never closed; the capture panel left about 295 px of text at 1440×1000; the panel offered
 * the claim just created as the target of "Add as evidence".
 */
import type { Locator } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { utf8 } from '../support/files';

const PARAGRAPH =
  'Alexey Chepa told Lenta.ru that Russia would help Venezuela to the best of its ability, ' +
  'but that the war with the entire NATO bloc limits what Moscow can send so far from home.';
const TEXT = Array.from({ length: 12 }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join('\n\n');

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

test.beforeEach(async ({ app, page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await app.createCase('Layout');
  await app.addDocument({ title: 'Chepa', text: TEXT });
});

test('the capture panel leaves the reader most of the height', async ({ app, page }) => {
  await app.selectWithMouse('Russia would help Venezuela', 0);
  await expect(app.capturePanel).toBeVisible();
  const text = await box(page.locator('.reader-scroll'));
  expect(text.height).toBeGreaterThanOrEqual(500);
  const panel = await box(app.capturePanel);
  expect(panel.height).toBeLessThan(text.height);
});

test('notes fade into the Notices list, errors stay until dismissed, none over the text', async ({
  app,
  page,
}) => {
  await app.selectWithMouse('Russia would help Venezuela', 0);
  await app.createClaim('Russia will help.');
  await app.undoButton.click();
  const note = app.notices.filter({ hasText: 'Undone: Create claim' });
  await expect(note).toBeVisible();
  const reader = await box(page.locator('.reader-scroll'));
  const shown = await box(note);
  // Beside the reader, in the status area above the claims: not over the text.
  expect(shown.x).toBeGreaterThanOrEqual(reader.x + reader.width);

  await expect(note).toBeHidden({ timeout: 10_000 });
  const log = page.locator('.notice-log');
  await expect(log.locator('summary')).toHaveText('Notices (1)');
  await log.locator('summary').click();
  await expect(log.getByRole('list', { name: 'Past notices' })).toContainText(
    'Undone: Create claim',
  );

  await app.dropFiles([
    { name: 'transcript.txt', type: 'text/plain', bytes: utf8('said\u0000\u0000 x') },
  ]);
  const error = app.errorNotices.filter({ hasText: 'transcript.txt' });
  await expect(error).toBeVisible();
  // Well past the time a note stays: the error is still there.
  await page.waitForTimeout(6_000);
  await expect(error).toBeVisible();
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toBeHidden();
  await expect(log.locator('summary')).toHaveText('Notices (2)');
});

test('the claim just created is not offered as the target of "Add as evidence"', async ({
  app,
}) => {
  await app.selectWithMouse('Russia would help Venezuela', 0);
  await app.createClaim('Russia will help.');
  await app.selectWithMouse('the entire NATO bloc limits', 2);
  await expect(app.capturePanel).toBeVisible();
  await expect(app.capturePanel.locator('.as-evidence')).toHaveCount(0);
  await app.capturePanel.getByRole('button', { name: 'Cancel' }).click();

  // Picked by the analyst, it is offered.
  await app.selectClaim(app.claimWorded('Russia will help.'));
  await app.selectWithMouse('the entire NATO bloc limits', 3);
  await expect(app.capturePanel.locator('.as-evidence')).toContainText('“Russia will help.”');
});
