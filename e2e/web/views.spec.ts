/**
 * The views that weigh the evidence (issue 4): the matrix of judgments against claims, with
 * diagnostic claims marked and cells that cycle; the evidence graph around a judgment or a
 * claim, drawn on a canvas and listed in text under it.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const J1 = 'Russia is unlikely to send troops to defend the Maduro government.';
const J2 = 'Moscow will likely offer limited material help, such as air defence systems.';
const GALEOTTI = 'If the US moves to topple Maduro, Russia can do no more than diplomacy.';
const SITENKO_TROOPS = 'The war in Ukraine rules out Russian troops in Venezuela.';
const SITENKO_LIMITED =
  'Limited Russian help (weapons, air defence, intelligence) cannot be ruled out.';
const CHEPA_HELP = 'Russia will help Venezuela within the partnership agreement, as far as it can.';
const CHEPA_NATO = 'Russia\'s war with "the entire NATO bloc" limits what it can do for Venezuela.';
const ZAKHAROVA_READY =
  'Russia backs the Venezuelan leadership and is ready to respond to its requests.';
const WAPO = 'Maduro wrote to Putin asking for missiles, radars and aircraft.';
const IL76 = 'A Russian Il-76 transport landed in Caracas.';
const PANTSIR = 'Pantsir-S1 air defence could be part of a package.';

/** As the "Around" menu names a node: at most 70 characters. */
const short = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);
/** A line of the graph's text list: “source” relation “target”. */
const edge = (source: string, relation: string, target: string) =>
  `“${source}” ${relation} “${target}”`;

test('the matrix shows the judgments as J1 and J2 and marks the diagnostic claims ◆', async ({
  app,
}) => {
  await app.showView('Matrix');
  const matrix = app.matrix;
  await expect(matrix.getByRole('columnheader')).toHaveText([
    'Claim',
    'Claim score',
    'J1 unlikely',
    'J2 likely',
  ]);
  // The claim's 0–100 score is never named so that it reads as ICD 203 confidence (issue 11).
  await expect(matrix.getByRole('columnheader', { name: 'Claim score' })).toHaveAttribute(
    'title',
    /Not an ICD 203 confidence level\./,
  );
  await expect(matrix.locator('.matrix-legend > li')).toHaveText([`J1 ${J1}`, `J2 ${J2}`]);

  // The claims the judgments rest on; Galeotti's bears both ways (+ on J1, − on J2).
  const rows = matrix.locator('tbody tr');
  await expect(rows).toHaveCount(8);
  const galeotti = rows.filter({ hasText: GALEOTTI });
  await expect(galeotti.locator('td.num')).toHaveText('66');
  await expect(galeotti.getByRole('button', { name: /^J\d and/ })).toHaveText(['+', '−']);
  // Diagnostic: only Galeotti's supports one judgment and cuts against the other.
  await expect(rows.getByLabel('diagnostic')).toHaveCount(1);
  await expect(galeotti.getByLabel('diagnostic')).toHaveText('◆');

  // The claims of the list too (here every claim of the case): those that bear on neither
  // judgment tell them apart no better than none and carry no mark.
  await matrix.getByLabel('Show the claims of the list too').check();
  await expect(rows).toHaveCount(14);
  await expect(rows.getByLabel('diagnostic')).toHaveCount(1);
  const unused = rows.filter({ hasText: ZAKHAROVA_READY });
  await expect(unused.getByLabel('diagnostic')).toHaveCount(0);
  await expect(unused.getByRole('button', { name: /^J\d and/ })).toHaveText(['·', '·']);
});

test('clicking a matrix cell cycles · → + → − → ·, and Key judgments shows the basis change', async ({
  app,
}) => {
  await app.showView('Matrix');
  const cell = app.matrixCell('J1', SITENKO_LIMITED);
  await expect(cell).toHaveText('·');
  await expect(cell).toHaveAccessibleName(`J1 and “${SITENKO_LIMITED}”: no bearing`);
  const basisRow = app.judgment(J1).locator('ul.basis > li').filter({ hasText: SITENKO_LIMITED });

  await cell.click();
  await expect(cell).toHaveText('+');
  await expect(cell).toHaveAccessibleName(`J1 and “${SITENKO_LIMITED}”: supports`);
  await app.showView('Key judgments');
  await expect(basisRow.locator('.relation')).toHaveText('Supports');
  await expect(app.judgment(J1).locator('ul.basis > li')).toHaveCount(5);

  await app.showView('Matrix');
  await cell.click();
  await expect(cell).toHaveText('−');
  await expect(cell).toHaveAccessibleName(`J1 and “${SITENKO_LIMITED}”: contradicts`);
  await app.showView('Key judgments');
  await expect(basisRow.locator('.relation')).toHaveText('Cuts against');

  await app.showView('Matrix');
  await cell.click();
  await expect(cell).toHaveText('·');
  await app.showView('Key judgments');
  await expect(basisRow).toHaveCount(0);
  await expect(app.judgment(J1).locator('ul.basis > li')).toHaveCount(4);
});

test('two quick clicks on a matrix cell move it two steps, to “cuts against”', async ({ app }) => {
  await app.showView('Matrix');
  const cell = app.matrixCell('J1', SITENKO_LIMITED);
  await expect(cell).toHaveText('·');
  // The second click comes before the first save is back, and must step on from it.
  await cell.dblclick();
  await expect(cell).toHaveText('−');
  await app.showView('Key judgments');
  const basisRow = app.judgment(J1).locator('ul.basis > li').filter({ hasText: SITENKO_LIMITED });
  await expect(basisRow.locator('.relation')).toHaveText('Cuts against');
});

test('the evidence graph around a judgment lists its basis and links; around a claim, the claim’s', async ({
  app,
}) => {
  await app.showView('Evidence graph');
  const graph = app.graphView;
  const around = graph.getByLabel('Around');
  // The first judgment by default.
  await expect(around.locator('option:checked')).toHaveText(J1);
  await expect(graph.locator('.graph-list summary')).toHaveText('5 nodes, 7 links');
  await expect(app.graphLinks).toHaveText([
    edge(SITENKO_TROOPS, 'supports', GALEOTTI),
    edge(CHEPA_HELP, 'contradicts', GALEOTTI),
    edge(CHEPA_NATO, 'supports', SITENKO_TROOPS),
    edge(GALEOTTI, 'supports the judgment', J1),
    edge(SITENKO_TROOPS, 'supports the judgment', J1),
    edge(CHEPA_NATO, 'supports the judgment', J1),
    edge(CHEPA_HELP, 'cuts against the judgment', J1),
  ]);

  // The drawing itself: a Cytoscape canvas with a size.
  const canvas = graph.getByTestId('graph-canvas');
  await expectDrawn(canvas);

  // Around the Pantsir claim, found by its words: its context link, and the judgment it
  // supports.
  await app.pickClaim(graph, 'Centre on a claim', 'Pantsir', PANTSIR);
  await expect(around.locator('option:checked')).toHaveText(PANTSIR);
  await expect(graph.locator('.graph-list summary')).toHaveText('3 nodes, 3 links');
  await expect(app.graphLinks).toHaveText([
    edge(PANTSIR, 'gives context to', SITENKO_LIMITED),
    edge(SITENKO_LIMITED, 'supports the judgment', J2),
    edge(PANTSIR, 'supports the judgment', J2),
  ]);
  await expectDrawn(canvas);

  // Around the second judgment: its five claims, and the one link among them.
  await around.selectOption({ label: short(J2) });
  await expect(app.graphLinks).toHaveText([
    edge(PANTSIR, 'gives context to', SITENKO_LIMITED),
    edge(SITENKO_LIMITED, 'supports the judgment', J2),
    edge(WAPO, 'supports the judgment', J2),
    edge(IL76, 'supports the judgment', J2),
    edge(PANTSIR, 'supports the judgment', J2),
    edge(GALEOTTI, 'cuts against the judgment', J2),
  ]);
});

test('“Show graph” in a claim’s Evidence panel opens the graph around that claim', async ({
  app,
}) => {
  const card = await app.selectClaim(app.claimWorded(GALEOTTI));
  await app.evidencePanel(card).getByRole('button', { name: 'Show graph' }).click();
  await expect(app.tab('Evidence graph')).toHaveAttribute('aria-selected', 'true');
  const graph = app.graphView;
  await expect(graph.getByLabel('Around').locator('option:checked')).toHaveText(short(GALEOTTI));
  // Two steps out: Sitenko and Chepa, then Chepa's NATO remark and Zakharova's pledge; and
  // both judgments, which rest on it.
  await expect(graph.locator('.graph-list summary')).toHaveText('7 nodes, 9 links');
  await expect(app.graphLinks).toHaveText([
    edge(SITENKO_TROOPS, 'supports', GALEOTTI),
    edge(CHEPA_HELP, 'contradicts', GALEOTTI),
    edge(CHEPA_NATO, 'supports', SITENKO_TROOPS),
    edge(ZAKHAROVA_READY, 'supports', CHEPA_HELP),
    edge(GALEOTTI, 'supports the judgment', J1),
    edge(SITENKO_TROOPS, 'supports the judgment', J1),
    edge(CHEPA_NATO, 'supports the judgment', J1),
    edge(CHEPA_HELP, 'cuts against the judgment', J1),
    edge(GALEOTTI, 'cuts against the judgment', J2),
  ]);
  await expectDrawn(graph.getByTestId('graph-canvas'));

  // From the list, back to a claim in the reader.
  await graph.getByRole('button', { name: `Open “${SITENKO_TROOPS}”` }).click();
  await expect(app.tab('Reader')).toHaveAttribute('aria-selected', 'true');
  await expect(app.selectedCard).toContainText(SITENKO_TROOPS);
});

/** The graph's container has a size and Cytoscape has drawn canvases of that size in it. */
async function expectDrawn(container: Locator): Promise<void> {
  const box = await container.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(100);
  expect(box?.height ?? 0).toBeGreaterThan(100);
  const canvases = container.locator('canvas');
  await expect(canvases.first()).toBeVisible();
  const size = await canvases.first().boundingBox();
  expect(size?.width ?? 0).toBeGreaterThan(0);
  expect(size?.height ?? 0).toBeGreaterThan(0);
}
