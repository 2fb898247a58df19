/**
 * Attribution (issue 3): who said a claim, through whom it reached us, the cue and the dates,
 * captured from the keyboard alone; new speakers added from the type-ahead; the one-step path.
 */
import { expect, test } from '../support/fixtures';

const STATEMENT = {
  title: 'Foreign Ministry briefing',
  outlet: 'TASS',
  publishedAt: '2025-11-02',
  text:
    'At the weekly briefing the spokesperson answered questions on Venezuela.\n\n' +
    'Moscow is in contact with its partners and is ready to respond to their requests.\n\n' +
    'The Defence Minister was not available for comment.',
};

test('a claim is captured and attributed from the keyboard alone', async ({ app, page }) => {
  await app.createCase('Keyboard attribution');
  await app.addDocument(STATEMENT);
  const quote = 'ready to respond to their requests';
  await app.selectWithKeyboard(quote);
  const panel = app.capturePanel;
  await expect(panel.locator('blockquote')).toHaveText(quote);

  // Tab leaves the text for the panel's fields, in reading order.
  const wording = panel.getByLabel('Claim, in your words (optional)');
  await app.tabTo(wording, 1);
  await page.keyboard.type('Moscow will answer Caracas if asked (Zakharova).');

  const kind = panel.getByLabel('Kind');
  await app.tabTo(kind, 1);
  await page.keyboard.press('ArrowDown'); // Automatic → Direct quote
  await expect(kind).toHaveValue('direct_quote');

  // The speaker, found by her Russian name, an alias: the first suggestion is hers, the
  // next one would add the name as a new person.
  const speaker = panel.getByRole('combobox', { name: 'Speaker' });
  await app.tabTo(speaker, 1);
  await page.keyboard.type('Захарова');
  const suggestions = page.getByRole('listbox', { name: 'Speaker suggestions' });
  await expect(suggestions.getByRole('option')).toHaveText([
    /^Maria Zakharova/,
    'Add “Захарова” as person',
    'Add “Захарова” as outlet',
    'Add “Захарова” as organisation',
    'Add “Захарова” as other',
  ]);
  // Nothing is highlighted until the arrows move; the best match comes first.
  await expect(suggestions.getByRole('option', { selected: true })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(suggestions.getByRole('option', { selected: true })).toHaveText(/^Maria Zakharova/);
  await page.keyboard.press('ArrowDown');
  await expect(suggestions.getByRole('option', { selected: true })).toHaveText(
    'Add “Захарова” as person',
  );
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Remove speaker Maria Zakharova' })).toBeVisible();

  // The picked speaker is a chip now, and the keyboard moves on to the cue.
  const cue = panel.getByLabel('Cue');
  await expect(cue).toBeFocused();
  await page.keyboard.type('said');

  // An intermediary, found by another alias ("Radio Svoboda" → Radio Liberty).
  const via = panel.getByRole('combobox', { name: 'Via' });
  await app.tabTo(via, 1);
  await page.keyboard.type('svoboda');
  await expect(
    page.getByRole('listbox', { name: 'Via suggestions' }).getByRole('option').first(),
  ).toHaveText(/^Radio Liberty/);
  // Enter with nothing highlighted takes the best match.
  await page.keyboard.press('Enter');
  await expect(
    panel.getByRole('button', { name: 'Remove intermediary Radio Liberty' }),
  ).toBeVisible();
  await expect(via).toBeFocused();

  const saidOn = panel.getByLabel('Said on');
  await app.tabTo(saidOn, 1);
  await page.keyboard.type('10302025');
  await expect(saidOn).toHaveValue('2025-10-30');
  await expect(panel.getByLabel('Reported on')).toHaveValue('2025-11-02');

  const tags = panel.getByRole('combobox', { name: 'Tags' });
  await app.tabTo(tags, 8);
  await page.keyboard.type('official-position');
  await page.keyboard.press('Enter');
  await page.keyboard.type('venezuela');
  await page.keyboard.press('Enter');
  const tagChips = panel.getByRole('button', { name: /^Remove tag / });
  await expect(tagChips).toHaveCount(2);
  await expect(tagChips.first()).toHaveAccessibleName('Remove tag official-position');
  await expect(tagChips.last()).toHaveAccessibleName('Remove tag venezuela');

  await page.keyboard.press('Control+Enter');
  await expect(panel).toBeHidden();

  const card = app.claimCard('Moscow will answer Caracas if asked (Zakharova).');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.claim-quote')).toHaveText(quote);
  await expect(card.locator('.attribution')).toHaveText(
    'Maria Zakharova → Radio Liberty → TASS · “said” · said 2025-10-30',
  );
  await expect(card.locator('.badge')).toHaveText([
    'Direct quote',
    'Unverified',
    '#official-position',
    '#venezuela',
  ]);
  await expect(app.highlights).toHaveCount(1);
  await expect(app.highlights.first()).toHaveText(quote);
  await expect(app.highlights.first()).toHaveClass(/kind-direct_quote/);
});

test('a speaker nobody has yet is added from the type-ahead', async ({ app, page }) => {
  await app.createCase('New speaker');
  await app.addDocument({
    title: 'Caracas reaction',
    text: 'Vladimir Padrino López said the armed forces are ready to defend the country.',
  });
  await app.selectWithMouse('the armed forces are ready to defend the country');
  const speaker = app.capturePanel.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Vladimir Padrino López');
  const suggestions = page.getByRole('listbox', { name: 'Speaker suggestions' });
  await expect(suggestions.getByRole('option')).toHaveText([
    'Add “Vladimir Padrino López” as person',
    'Add “Vladimir Padrino López” as outlet',
    'Add “Vladimir Padrino López” as organisation',
    'Add “Vladimir Padrino López” as other',
  ]);
  await speaker.press('Enter');
  await expect(
    app.capturePanel.getByRole('button', { name: 'Remove speaker Vladimir Padrino López' }),
  ).toBeVisible();
  await app.createClaim('Venezuela’s army is ready to defend the country.');

  const card = app.claimCard('Venezuela’s army is ready to defend the country.');
  await expect(card.locator('.attribution')).toHaveText('Vladimir Padrino López');
  // With a speaker and no kind chosen, the claim is reported speech.
  await expect(card.locator('.badge.kind')).toHaveText('Indirect speech');
  await expect(app.people.getByRole('button', { name: /^Vladimir Padrino López/ })).toContainText(
    'Person · 1',
  );

  // Known from now on: the type-ahead finds the new person by a part of the name.
  await app.selectWithMouse('Vladimir Padrino López said');
  await app.capturePanel.getByRole('combobox', { name: 'Speaker' }).fill('padrino');
  await expect(suggestions.getByRole('option')).toHaveText([
    /^Vladimir Padrino López/,
    /^Add .* as person$/,
    /as outlet$/,
    /as organisation$/,
    /as other$/,
  ]);
});

test('select and Enter creates an unattributed claim in one step, worded as the quote', async ({
  app,
  page,
}) => {
  await app.createCase('Quick path');
  await app.addDocument(STATEMENT);
  const quote = 'The Defence Minister was not available for comment.';
  await app.selectWithKeyboard(quote);
  await page.keyboard.press('Enter');
  await expect(app.capturePanel).toBeHidden();

  const card = app.claimCards.first();
  await expect(app.claimCards).toHaveCount(1);
  await expect(card.locator('.claim-text')).toHaveText(quote);
  await expect(card.locator('.attribution')).toHaveText('No speaker → TASS');
  await expect(card.locator('.badge')).toHaveText(['Unattributed', 'Unverified']);
  await expect(app.highlights).toHaveText([quote]);
});

// Issue 12: every name added from Speaker or Via became a person.
test('a new name is added as the kind picked: Via offers an outlet first', async ({
  app,
  page,
}) => {
  await app.createCase('Kinds');
  await app.addDocument({
    title: 'Il-76 in Caracas',
    text: 'A flight-tracking site showed an Il-76 landing in Caracas on Friday night.',
  });
  await app.selectWithMouse('an Il-76 landing in Caracas');
  const panel = app.capturePanel;

  // Via: typing the name and Enter adds an outlet, as many keystrokes as before.
  const via = panel.getByRole('combobox', { name: 'Via' });
  await via.fill('Flightradar24');
  await expect(
    page.getByRole('listbox', { name: 'Via suggestions' }).getByRole('option').first(),
  ).toHaveText('Add “Flightradar24” as outlet');
  await via.press('Enter');
  await expect(
    panel.getByRole('button', { name: 'Remove intermediary Flightradar24' }),
  ).toBeVisible();

  // Speaker: person first; an organisation is three arrow presses down the list.
  const speaker = panel.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Tracking analysts');
  const options = page.getByRole('listbox', { name: 'Speaker suggestions' }).getByRole('option');
  await expect(options).toHaveText([
    'Add “Tracking analysts” as person',
    'Add “Tracking analysts” as outlet',
    'Add “Tracking analysts” as organisation',
    'Add “Tracking analysts” as other',
  ]);
  for (let i = 0; i < 3; i++) await speaker.press('ArrowDown');
  await speaker.press('Enter');
  await expect(
    panel.getByRole('button', { name: 'Remove speaker Tracking analysts' }),
  ).toBeVisible();
  await app.createClaim('An Il-76 landed in Caracas.');

  await expect(app.people.getByRole('button', { name: /^Flightradar24/ })).toContainText('Outlet');
  await expect(app.people.getByRole('button', { name: /^Tracking analysts/ })).toContainText(
    'Organisation',
  );
});

// Issue 12: at script speed, Save right after "Add … as person" stored no speaker.
test('a save while a new name is still being added is refused, then saves with it', async ({
  app,
  page,
}) => {
  await app.createCase('Race');
  await app.addDocument({
    title: 'Briefing',
    text: 'The spokesperson said Moscow is ready to respond to requests from its partners.',
  });
  await app.selectWithMouse('Moscow is ready to respond to requests');
  const panel = app.capturePanel;
  const speaker = panel.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('M. Zakharova');
  const add = page.getByRole('option', { name: 'Add “M. Zakharova” as person' });
  await expect(add).toBeVisible();
  // The option is taken on mousedown; Create claim is clicked in the same task, before the
  // backend has answered.
  const targets = await Promise.all(
    [add, panel.getByRole('button', { name: 'Create claim' })].map((t) => t.elementHandle()),
  );
  await page.evaluate(([option, create]) => {
    option?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    (create as HTMLElement | null)?.click();
  }, targets);
  await expect(panel.getByRole('alert')).toHaveText(
    '“M. Zakharova” is still being added. Save again once it shows in the form.',
  );
  await expect(app.claimCards).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Remove speaker M. Zakharova' })).toBeVisible();
  await panel.getByRole('button', { name: 'Create claim' }).click();
  await expect(panel).toBeHidden();
  await expect(app.claimCards.first().locator('.attribution')).toHaveText(/^M\. Zakharova/);
});
