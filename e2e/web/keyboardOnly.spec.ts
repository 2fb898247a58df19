/**
 * Keyboard only (issue 12): on the sample case, a claim is captured, graded, linked to
 * another claim and the case exported, with no mouse at all.
 */
import type { Locator } from '@playwright/test';
import { keep } from '../support/exportedFiles';
import { expect, test } from '../support/fixtures';

const QUOTE = 'Summary of reporting';
const WORDING = 'The sample case summarises the reporting of November 2025.';

test('capture, grade, link and export a claim from the keyboard alone', async ({
  app,
  page,
}, testInfo) => {
  // A key press at a time, through the whole page: slower than a mouse.
  test.setTimeout(150_000);
  await expect(app.claimCards.first()).toBeVisible();
  /** Presses Tab (or Shift+Tab) until `target` has focus. */
  const focus = async (target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 200) => {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press(key);
    }
    await expect(target).toBeFocused();
  };

  // Capture: into the text, to its start, then Shift+arrows over the quote.
  await focus(app.readerText);
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < QUOTE.length; i++) await page.keyboard.press('Shift+ArrowRight');
  const panel = app.capturePanel;
  await expect(panel.locator('blockquote')).toHaveText(QUOTE);
  await focus(panel.getByLabel('Claim, in your words (optional)'));
  await page.keyboard.type(WORDING);

  // Grade: information credibility 6 → 5, from the keyboard.
  const credibility = panel.getByLabel('Information credibility');
  await focus(credibility);
  await page.keyboard.press('ArrowUp');
  await expect(credibility).toHaveValue('5');
  await page.keyboard.press('Control+Enter');
  await expect(panel).toBeHidden();
  const card = app.claimWorded(WORDING);
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(card.getByRole('button', { name: /^Grade F5/ })).toBeVisible();

  // Link: it provides context for Galeotti's claim.
  const form = app.evidenceForm(card);
  await focus(form.getByLabel('This claim…'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(form.getByLabel('This claim…')).toHaveValue('context');
  const picker = form.getByRole('combobox', { name: 'Evidence claim' });
  await focus(picker);
  await page.keyboard.type('topple Maduro');
  await page.keyboard.press('ArrowDown');
  // Enter on the suggestion adds the link at once.
  await page.keyboard.press('Enter');
  await expect(app.evidenceRows(card)).toHaveCount(1);
  await expect(app.evidenceRows(card)).toContainText('topple Maduro');

  // Export: back through the page to "Case data", then Enter on JSON.
  const json = app.exportCaseButton('JSON');
  await focus(json, 'Shift+Tab');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  const file = await keep(download, testInfo);
  expect(file.bytes.toString('utf8')).toContain(WORDING);
});
