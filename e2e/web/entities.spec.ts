/**
 * People and outlets (issue 3): a speaker page with who they are and what they said when,
 * editing one (an alias the type-ahead then knows), and merging a duplicate into it.
 */
import { expect, test } from '../support/fixtures';

test('People & outlets links to a speaker page with role, aliases and a timeline by date said', async ({
  app,
}) => {
  await expect(app.people.getByRole('button', { name: /^Maria Zakharova/ })).toContainText(
    'Person · 2',
  );
  const page = await app.openEntity('Maria Zakharova');
  await expect(page.getByRole('heading', { level: 2, name: 'Maria Zakharova' })).toBeVisible();
  await expect(page.getByText('Person · spokesperson · Russian Foreign Ministry')).toBeVisible();
  await expect(page.getByText('Also known as: Zakharova, Мария Захарова')).toBeVisible();

  const timeline = page.getByRole('region', { name: 'Timeline' });
  const items = timeline.locator('.timeline-item');
  await expect(items).toHaveCount(2);
  await expect(items.locator('time')).toHaveText(['2025-10-30', '2025-11-01']);
  await expect(items.nth(0).locator('.claim-link')).toHaveText(
    'Moscow condemns "excessive military force" in the US anti-drug operations.',
  );
  await expect(items.nth(1).locator('.claim-link')).toHaveText(
    'Russia backs the Venezuelan leadership and is ready to respond to its requests.',
  );
  await expect(items.nth(0)).toContainText('said · Indirect speech · “said”');

  // A timeline entry leads back to the claim in its document.
  await items.nth(1).locator('.claim-link').click();
  await expect(page).toBeHidden();
  await expect(app.selectedCard).toContainText('Russia backs the Venezuelan leadership');
  await expect(app.readerText.locator('mark.active')).toContainText(
    'Russia supports the Venezuelan leadership',
  );
});

test('an alias added to a person is listed, and the type-ahead finds her by it', async ({
  app,
  page,
}) => {
  const profile = await app.openEntity('Maria Zakharova');
  await profile.getByRole('button', { name: 'Edit' }).click();
  const form = profile.getByRole('form', { name: 'Edit person or organisation' });
  const aliases = form.getByLabel('Also known as (comma-separated)');
  await expect(aliases).toHaveValue('Zakharova, Мария Захарова');
  await aliases.fill('Zakharova, Мария Захарова, Masha Zakharova');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(
    profile.getByText('Also known as: Zakharova, Мария Захарова, Masha Zakharova'),
  ).toBeVisible();

  await profile.getByRole('button', { name: '← Back to the case' }).click();
  await app.selectWithMouse('As Washington builds up naval forces');
  await app.capturePanel.getByRole('combobox', { name: 'Speaker' }).fill('Masha');
  await expect(
    page.getByRole('listbox', { name: 'Speaker suggestions' }).getByRole('option'),
  ).toHaveText([
    /^Maria Zakharova/,
    'Add “Masha” as person',
    'Add “Masha” as outlet',
    'Add “Masha” as organisation',
    'Add “Masha” as other',
  ]);

  // Saved, not just shown: a reload finds the alias again.
  await page.reload();
  await expect(app.claimCards).toHaveCount(14);
  const again = await app.openEntity('Maria Zakharova');
  await expect(again.getByText(/Also known as: .*Masha Zakharova/)).toBeVisible();
});

test('a duplicate merged into a person moves its claims over and becomes an alias', async ({
  app,
  page,
}) => {
  // A claim attributed to a duplicate, added from the type-ahead.
  await app.selectWithMouse('attention has turned to whether Russia would come to the aid');
  const speaker = app.capturePanel.getByRole('combobox', { name: 'Speaker' });
  await app.pickEntity(speaker, 'M. Zakharova', 'Add “M. Zakharova” as person');
  await app.createClaim('Attention has turned to Russian aid (M. Zakharova).');
  const card = app.claimCard('Attention has turned to Russian aid (M. Zakharova).');
  await expect(card.locator('.attribution')).toContainText('M. Zakharova');
  await expect(app.people.getByRole('button', { name: /^M\. Zakharova/ })).toContainText(
    'Person · 1',
  );

  const profile = await app.openEntity('Maria Zakharova');
  const merge = profile.getByRole('combobox', { name: 'Merge a duplicate into this one' });
  await app.pickEntity(merge, 'M. Zakharova', /^M\. Zakharova/);
  await expect(
    app.notices.filter({ hasText: 'Merged M. Zakharova into Maria Zakharova.' }),
  ).toBeVisible();

  await expect(profile.getByText(/^Also known as: .*M\. Zakharova/)).toBeVisible();
  await expect(profile.locator('.timeline-item')).toHaveCount(3);
  await expect(profile.locator('.timeline-item .claim-link')).toContainText([
    'Attention has turned to Russian aid (M. Zakharova).',
  ]);
  await expect(app.people.getByRole('button', { name: /^M\. Zakharova/ })).toHaveCount(0);
  await expect(app.people.getByRole('button', { name: /^Maria Zakharova/ })).toContainText(
    'Person · 3',
  );

  await profile.getByRole('button', { name: '← Back to the case' }).click();
  await expect(card.locator('.attribution')).toHaveText(/^Maria Zakharova → /);
  await expect(page.getByRole('combobox', { name: 'Filter by speaker' })).not.toContainText(
    'M. Zakharova',
  );
});
