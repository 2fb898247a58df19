/**
 * A case of thousands of claims: the claims pane goes virtual (only the cards in view are in
 * the page) yet behaves as the short list does: the count, scrolling to the end with the
 * search still in reach, search, a selected claim brought into view, and an edit left open
 * while scrolling away and back.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test } from '../support/fixtures';

const CLAIMS = 2000;
const TITLE = 'A long case';

interface CaseFileLike {
  case: { title: string };
  claims: { id: string; text: string }[];
  links: unknown[];
  judgments: unknown[];
  briefings: unknown[];
  history: unknown[];
}

/** The n-th copy's wording: the sample claim's, numbered so that search can tell them apart. */
const numbered = (text: string, n: number) => `${text} No. ${n}`;

test('a case of 2,000 claims lists them all through a virtual list: count, scroll to the end, search, selection and an open edit', async ({
  app,
  host,
}, testInfo) => {
  test.slow();
  // The sample case, exported through the API, its 14 claims copied to 2,000 distinct ones.
  const listed = (await host.call('cases:list', {})) as { value: { id: string }[] };
  const caseId = listed.value[0]?.id ?? '';
  const sample = JSON.parse(await host.exportCase(caseId, 'json')) as CaseFileLike;
  const originals = sample.claims;
  const file: CaseFileLike = {
    ...sample,
    case: { ...sample.case, title: TITLE },
    claims: Array.from({ length: CLAIMS }, (_, i) => {
      const original = originals[i % originals.length]!;
      return { ...original, id: `long-${i + 1}`, text: numbered(original.text, i + 1) };
    }),
    links: [],
    judgments: [],
    briefings: [],
    history: [],
  };
  const filePath = testInfo.outputPath('long-case.json');
  await writeFile(filePath, JSON.stringify(file));

  await app.importCaseFile(filePath, 'new case');
  await expect(app.caseMenu.locator('option:checked')).toHaveText(TITLE, { timeout: 30_000 });
  await expect(app.claimCount).toHaveText(String(CLAIMS));

  // Only a screenful of cards is in the page, each saying where it sits in the whole list.
  const rendered = await app.claimCards.count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(40);
  await expect(app.claimCards.first()).toHaveAttribute('aria-setsize', String(CLAIMS));
  await expect(app.claimCards.first()).toHaveAttribute('aria-posinset', '1');

  // Scrolled to the end, the last claim is there.
  const last = numbered(originals[(CLAIMS - 1) % originals.length]!.text, CLAIMS);
  await app.claimsScroller.evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight }));
  await expect(app.claimWorded(last)).toBeVisible();
  expect(await app.claimCards.count()).toBeLessThan(40);
  // The search and filters stay put above the list.
  await expect(app.searchBox).toBeInViewport();

  // Search finds one claim from the middle, by its number.
  const middle = numbered(originals[1233 % originals.length]!.text, 1234);
  await app.searchBox.fill('1234');
  await expect(app.claimCount).toHaveText(`1 of ${CLAIMS}`);
  await expect(app.claimWorded(middle)).toBeVisible();

  // Selected, then the search cleared: the long list comes back with that claim in view.
  const card = await app.selectClaim(app.claimWorded(middle));
  await app.searchBox.fill('');
  await expect(app.claimCount).toHaveText(String(CLAIMS));
  await expect(card).toBeInViewport();
  await expect(card).toHaveAttribute('aria-posinset', '1234');

  // An edit left open in the selected card survives scrolling far away and back.
  const editor = await app.editClaim(card);
  await editor.getByLabel('Claim wording').fill('A draft not yet saved');
  await app.claimsScroller.evaluate((pane) => pane.scrollTo({ top: 0 }));
  await expect(app.claimCards.first()).toHaveAttribute('aria-posinset', '1');
  await app.claimsScroller.evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight }));
  await expect(app.claimWorded(last)).toBeVisible();
  await app.selectedCard.scrollIntoViewIfNeeded();
  await expect(app.selectedCard.getByLabel('Claim wording')).toHaveValue('A draft not yet saved');
  await expect(app.errorNotices).toHaveCount(0);
});
