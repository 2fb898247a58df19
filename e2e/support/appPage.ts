/**
 * A page model of Claimdesk with intent methods, so specs read like what a user does.
 * Selections are made the way a user makes them: a mouse drag over the words, or
 * Shift+arrow keys from a caret.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ConfidenceLevel, Likelihood } from '../../shared/grading/scales';

export interface NewDocument {
  title: string;
  text: string;
  outlet?: string;
  url?: string;
  publishedAt?: string;
}

/** A file as it arrives in a drop: its name, MIME type and bytes. */
export interface DroppedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

interface Box {
  startX: number;
  startY: number;
  endX: number;
  endY: number;
}

export class AppPage {
  constructor(readonly page: Page) {}

  get readerText(): Locator {
    return this.page.getByRole('textbox', { name: 'Document text' });
  }

  get claimCards(): Locator {
    return this.page.locator('.claim-card');
  }

  get highlights(): Locator {
    return this.readerText.locator('mark.highlight');
  }

  async open(launchUrl: string): Promise<void> {
    await this.page.goto(launchUrl);
    await expect(this.page.getByText('Claimdesk', { exact: true })).toBeVisible();
  }

  async createCase(title: string, question = ''): Promise<void> {
    await this.page
      .getByRole('button', { name: /^(New case|Create your first case)$/ })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Title').fill(title);
    if (question) await dialog.getByLabel('Question (optional)').fill(question);
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await expect(dialog).toBeHidden();
  }

  async addDocument(doc: NewDocument): Promise<void> {
    await this.page.getByRole('button', { name: 'Paste text' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add document' });
    await dialog.getByLabel('Title').fill(doc.title);
    if (doc.outlet) await dialog.getByLabel('Outlet (optional)').fill(doc.outlet);
    if (doc.publishedAt) await dialog.getByLabel('Published (optional)').fill(doc.publishedAt);
    if (doc.url) await dialog.getByLabel('URL (optional)').fill(doc.url);
    await dialog.getByLabel('Text').fill(doc.text);
    await dialog.getByRole('button', { name: 'Add document' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.readerHeading).toHaveText(doc.title);
  }

  /**
   * Screen positions of the first and last character of the `occurrence`-th `passage`,
   * scrolled into view.
   */
  private async passageBox(passage: string, occurrence: number): Promise<Box> {
    return this.readerText.evaluate(
      (root, { passage, occurrence }) => {
        const full = root.textContent ?? '';
        let start = -1;
        for (let i = 0, from = 0; i <= occurrence; i++) {
          start = full.indexOf(passage, from);
          if (start < 0) throw new Error(`passage not found: ${passage}`);
          from = start + 1;
        }
        const locate = (offset: number): [Text, number] => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let seen = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = (node as Text).data.length;
            if (offset < seen + length) return [node as Text, offset - seen];
            seen += length;
          }
          throw new Error('offset past the end');
        };
        const charRect = (offset: number) => {
          const [node, at] = locate(offset);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect();
        };
        // Long documents scroll: bring the passage to the middle of the reader first.
        locate(start)[0].parentElement?.scrollIntoView({ block: 'center' });
        const first = charRect(start);
        const last = charRect(start + passage.length - 1);
        return {
          startX: first.left + 1,
          startY: first.top + first.height / 2,
          endX: last.right - 1,
          endY: last.top + last.height / 2,
        };
      },
      { passage, occurrence },
    );
  }

  /** Drags the mouse over `passage` (its `occurrence`-th appearance, counting from 0). */
  async selectWithMouse(passage: string, occurrence = 0): Promise<void> {
    await this.readerText.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // The reader may still reflow (the suggestions list opens beside a new document): drag
    // only once the passage has stayed where it is for a moment, as a user's eye would.
    let box = await this.passageBox(passage, occurrence);
    for (let i = 0; i < 20; i++) {
      await this.page.waitForTimeout(150);
      const again = await this.passageBox(passage, occurrence);
      const still = JSON.stringify(again) === JSON.stringify(box);
      box = again;
      if (still) break;
    }
    await this.page.mouse.move(box.startX, box.startY);
    await this.page.mouse.down();
    await this.page.mouse.move((box.startX + box.endX) / 2, (box.startY + box.endY) / 2, {
      steps: 4,
    });
    await this.page.mouse.move(box.endX, box.endY, { steps: 4 });
    await this.page.mouse.up();
    await expect(this.capturePanel.locator('blockquote')).toHaveText(passage);
  }

  /** Puts the caret before `passage` with a click, then extends with Shift+ArrowRight. */
  async selectWithKeyboard(passage: string, occurrence = 0): Promise<void> {
    const box = await this.passageBox(passage, occurrence);
    await this.page.mouse.click(box.startX, box.startY);
    for (let i = 0; i < passage.length; i++) await this.page.keyboard.press('Shift+ArrowRight');
    await expect(this.capturePanel.locator('blockquote')).toHaveText(passage);
  }

  /** Fills the capture panel and creates the claim. */
  async createClaim(wording: string): Promise<void> {
    const panel = this.capturePanel;
    await panel.getByLabel('Claim, in your words (optional)').fill(wording);
    await panel.getByRole('button', { name: 'Create claim' }).click();
    await expect(panel).toBeHidden();
  }

  claimCard(text: string): Locator {
    return this.claimCards.filter({ hasText: text });
  }

  /**
   * The card whose wording is exactly `text` (not one whose evidence panel or breakdown
   * merely mentions it).
   */
  claimWorded(text: string): Locator {
    return this.claimCards.filter({
      has: this.page.locator('.claim-text').getByText(text, { exact: true }),
    });
  }

  /**
   * Clicks each target in turn within one task of the page, so every click lands before the
   * app has answered the first: a user faster than the backend. (Two Playwright clicks run
   * side by side would share one mouse and could lose a click.)
   */
  async clickAtOnce(...targets: Locator[]): Promise<void> {
    const elements = await Promise.all(targets.map((t) => t.elementHandle()));
    await this.page.evaluate((els) => {
      for (const el of els) (el as HTMLElement | null)?.click();
    }, elements);
  }

  // ---- Regions -------------------------------------------------------------------------

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Cases and documents' });
  }

  /** The open case's documents, newest version of each. */
  get documentItems(): Locator {
    return this.sidebar.locator('.documents li');
  }

  /** The "People & outlets" list of the open case. */
  get people(): Locator {
    return this.sidebar.locator('section.people');
  }

  /** The open document's title, above its text. */
  get readerHeading(): Locator {
    return this.page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 2 });
  }

  get capturePanel(): Locator {
    return this.page.getByRole('form', { name: 'New claim' });
  }

  get claimsPane(): Locator {
    return this.page.getByRole('complementary', { name: 'Claims' });
  }

  /** The part of the claims pane that scrolls: the list, under the search and filters. */
  get claimsScroller(): Locator {
    return this.claimsPane.locator('.claims-scroll');
  }

  /**
   * "14", or "2 of 14" while filtering; only once the list answers the current search and
   * filters (the last answer's count and rows stay on screen, busy, until the new one comes).
   */
  get claimCount(): Locator {
    return this.claimsPane.locator('[aria-label="Claims shown"]:not([aria-busy="true"])');
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search claims' });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import document' });
  }

  get errorNotices(): Locator {
    return this.page.locator('.notices').getByRole('alert');
  }

  get notices(): Locator {
    return this.page.locator('.notices .notice');
  }

  get orphanReview(): Locator {
    return this.page.getByRole('region', { name: 'Orphaned claims' });
  }

  get undoButton(): Locator {
    return this.page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' });
  }

  get redoButton(): Locator {
    return this.page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Redo' });
  }

  /** The reader's highlight pieces that cover `claimId`. */
  highlightsOf(claimId: string): Locator {
    return this.readerText.locator(`mark.highlight[data-claim-ids~="${claimId}"]`);
  }

  async claimIdOf(card: Locator): Promise<string> {
    const id = await card.getAttribute('data-claim-id');
    if (!id) throw new Error('claim card without data-claim-id');
    return id;
  }

  // ---- Importing -----------------------------------------------------------------------

  /** Picks files with "Import files…", as a user does in the file dialog. */
  async importFiles(...filePaths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.sidebar.getByRole('button', { name: 'Import files…' }).click();
    await (await chooser).setFiles(filePaths);
  }

  /**
   * Drops files on the window: dragenter (the drop overlay shows), dragover, drop, with a
   * DataTransfer built in the page holding the files' bytes.
   */
  async dropFiles(files: readonly DroppedFile[]): Promise<void> {
    const payload = files.map((f) => ({
      name: f.name,
      type: f.type,
      base64: Buffer.from(f.bytes).toString('base64'),
    }));
    const dataTransfer = await this.page.evaluateHandle((files) => {
      const transfer = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: f.type }));
      }
      return transfer;
    }, payload);
    const fire = (type: string) =>
      this.page.evaluate(
        ({ type, dataTransfer }) =>
          window.dispatchEvent(
            new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true }),
          ),
        { type, dataTransfer },
      );
    await fire('dragenter');
    await expect(this.page.locator('.drop-overlay')).toBeVisible();
    await fire('dragover');
    await fire('drop');
    await expect(this.page.locator('.drop-overlay')).toBeHidden();
    await dataTransfer.dispose();
  }

  /** Confirms the Import document dialog as it is and waits for the document to open. */
  async confirmImport(expectedTitle: string): Promise<void> {
    const dialog = this.importDialog;
    await expect(dialog.getByLabel('Title')).toHaveValue(expectedTitle);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.readerHeading).toHaveText(expectedTitle);
  }

  async openDocument(title: string): Promise<void> {
    await this.documentItems.getByRole('button', { name: title }).click();
    await expect(this.readerHeading).toHaveText(title);
  }

  // ---- Capturing and attributing ---------------------------------------------------------

  /**
   * Types `query` into a type-ahead (Speaker, Via, Merge…) and picks the suggestion named
   * `option` with the keyboard: arrows to it, then Enter.
   */
  async pickEntity(combobox: Locator, query: string, option: string | RegExp): Promise<void> {
    await combobox.fill(query);
    const list = this.page.getByRole('listbox', {
      name: `${await combobox.getAttribute('aria-label')} suggestions`,
    });
    const wanted = list.getByRole('option', { name: option });
    await expect(wanted).toHaveCount(1);
    for (let i = 0; i < 10; i++) {
      if ((await wanted.getAttribute('aria-selected')) === 'true') break;
      await combobox.press('ArrowDown');
    }
    await expect(wanted).toHaveAttribute('aria-selected', 'true');
    await combobox.press('Enter');
    await expect(list).toBeHidden();
  }

  /** Presses Tab until `target` has focus; fails if it takes more than `max` presses. */
  async tabTo(target: Locator, max = 6): Promise<void> {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    await expect(target).toBeFocused();
  }

  /** The claim card now selected (aria-current). */
  get selectedCard(): Locator {
    return this.claimCards.and(this.page.locator('[aria-current="true"]'));
  }

  /** The card of claim `claimId`, which stays valid while its text changes. */
  cardOf(claimId: string): Locator {
    return this.claimCards.and(this.page.locator(`[data-claim-id="${claimId}"]`));
  }

  /** Opens the card's editor (selecting the claim first); returns the editor form. */
  async editClaim(card: Locator): Promise<Locator> {
    const stable = this.cardOf(await this.claimIdOf(card));
    await stable.locator('.claim-open').click();
    await expect(stable).toHaveAttribute('aria-current', 'true');
    await stable.getByRole('button', { name: 'Edit' }).click();
    const editor = stable.getByRole('form', { name: 'Edit claim' });
    await expect(editor).toBeVisible();
    return editor;
  }

  /** Rewords the claim on `card` through its editor. */
  async rewordClaim(card: Locator, wording: string): Promise<void> {
    const editor = await this.editClaim(card);
    await editor.getByLabel('Claim wording').fill(wording);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
    await expect(this.claimCard(wording)).toHaveCount(1);
  }

  // ---- People and outlets --------------------------------------------------------------

  /** Opens a speaker page from the People & outlets list. */
  async openEntity(name: string): Promise<Locator> {
    await this.people
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}\\b`) })
      .click();
    const page = this.entityPage(name);
    await expect(page).toBeVisible();
    return page;
  }

  entityPage(name: string): Locator {
    return this.page.getByRole('main', { name: `${name}: speaker page` });
  }

  /** Opens the speaker page's editor, sets the entity's default reliability and saves. */
  async gradeEntity(name: string, grade: string): Promise<Locator> {
    const profile = await this.openEntity(name);
    await profile.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = profile.getByRole('form', { name: 'Edit person or organisation' });
    await form.getByLabel('Source reliability').selectOption(grade);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(profile.getByText(`Source reliability: ${grade} —`)).toBeVisible();
    return profile;
  }

  // ---- Grades and the confidence score ---------------------------------------------------

  /** The card's grade-and-score button ("B2 66"). */
  scoreBadge(card: Locator): Locator {
    return card.locator('.claim-head').getByRole('button', { name: /^Grade / });
  }

  /** Expects the card's badge to read `grade` and `score` ("—" for no score). */
  async expectScore(card: Locator, grade: string, score: number | '—'): Promise<void> {
    const badge = this.scoreBadge(card);
    await expect(badge.locator('.admiralty')).toHaveText(grade);
    await expect(badge.locator('.score-value')).toHaveText(String(score));
    const scoreText = score === '—' ? 'no claim score' : `claim score ${score}/100`;
    await expect(badge).toHaveAccessibleName(`Grade ${grade}, ${scoreText}: show why`);
  }

  /** Opens the badge's breakdown and returns it (the list of lines, total last). */
  async openBreakdown(card: Locator): Promise<Locator> {
    const badge = this.scoreBadge(card);
    if ((await badge.getAttribute('aria-expanded')) !== 'true') await badge.click();
    await expect(badge).toHaveAttribute('aria-expanded', 'true');
    const list = card.getByRole('list', { name: 'How the score is computed' });
    await expect(list).toBeVisible();
    return list;
  }

  /** Closes the card's breakdown (it stays open, over the card, until its badge is clicked). */
  async closeBreakdown(card: Locator): Promise<void> {
    const badge = this.scoreBadge(card);
    if ((await badge.getAttribute('aria-expanded')) === 'true') await badge.click();
    await expect(badge).toHaveAttribute('aria-expanded', 'false');
  }

  /** The breakdown's lines: the words of each, and the running scores beside some. */
  breakdownLines(breakdown: Locator): { words: Locator; scores: Locator } {
    return {
      words: breakdown.locator(':scope > li > span:not(.line-score)'),
      scores: breakdown.locator(':scope > li > .line-score'),
    };
  }

  // ---- Evidence links ------------------------------------------------------------------

  /** Selects the claim on `card` (as a click on its wording does); returns its stable card. */
  async selectClaim(card: Locator): Promise<Locator> {
    const stable = this.cardOf(await this.claimIdOf(card));
    await stable.locator('.claim-open').click();
    await expect(stable).toHaveAttribute('aria-current', 'true');
    return stable;
  }

  /** The Evidence panel of a selected claim's card. */
  evidencePanel(card: Locator): Locator {
    return card.getByRole('region', { name: 'Evidence' });
  }

  /** The rows of the card's Evidence panel. */
  evidenceRows(card: Locator): Locator {
    return this.evidencePanel(card).locator('.evidence-list > li');
  }

  /** The Add evidence form of the card's Evidence panel. */
  evidenceForm(card: Locator): Locator {
    return this.evidencePanel(card).getByRole('form', { name: 'Add evidence' });
  }

  /**
   * Selects the claim on `card` and links it to another claim found in the Evidence panel's
   * picker by typing `query`, then picking the suggestion `option` (keyboard: arrows, Enter).
   */
  async linkToClaim(
    card: Locator,
    link: { relation: string; query: string; option: string | RegExp; note?: string },
  ): Promise<Locator> {
    const stable = await this.selectClaim(card);
    const form = this.evidenceForm(stable);
    await form.getByLabel('This claim…').selectOption({ label: link.relation });
    await form
      .getByRole('combobox', { name: 'Evidence', exact: true })
      .selectOption({ label: 'Another claim' });
    if (link.note !== undefined) await form.getByLabel('Note (optional)').fill(link.note);
    const picker = form.getByRole('combobox', { name: 'Evidence claim' });
    await picker.fill(link.query);
    const list = this.page.getByRole('listbox', { name: 'Evidence claim suggestions' });
    const wanted = list.getByRole('option', { name: link.option });
    await expect(wanted).toHaveCount(1);
    for (let i = 0; i < 10; i++) {
      if ((await wanted.getAttribute('aria-selected')) === 'true') break;
      await picker.press('ArrowDown');
    }
    await expect(wanted).toHaveAttribute('aria-selected', 'true');
    await picker.press('Enter');
    await expect(list).toBeHidden();
    await expect(picker).toHaveValue('');
    return stable;
  }

  /** Moves focus out of any field (a click on the claims pane's heading). */
  async focusOutsideFields(): Promise<void> {
    await this.claimsPane.getByRole('heading', { name: /^Claims/ }).click();
    await expect.poll(() => this.page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  }

  // ---- Views: key judgments, matrix, graph ---------------------------------------------

  tab(name: string): Locator {
    return this.page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name });
  }

  async showView(
    name: 'Reader' | 'Key judgments' | 'Matrix' | 'Evidence graph' | 'Briefing',
  ): Promise<void> {
    const tab = this.tab(name);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  get judgmentsView(): Locator {
    return this.page.getByRole('main', { name: 'Key judgments' });
  }

  /** The cards of the Key judgments view. */
  get judgments(): Locator {
    return this.judgmentsView.locator('ol.judgments > li');
  }

  judgment(statement: string): Locator {
    return this.judgmentsView.getByRole('listitem', {
      name: `Key judgment: ${statement}`,
      exact: true,
    });
  }

  /** Adds a key judgment from the form under the list. */
  async addJudgment(j: {
    statement: string;
    likelihood: Likelihood;
    confidence: ConfidenceLevel;
  }): Promise<Locator> {
    const form = this.judgmentsView.getByRole('form', { name: 'New key judgment' });
    await form.getByLabel('Statement').fill(j.statement);
    await form.getByLabel('Likelihood (ICD 203)').selectOption(j.likelihood);
    await form.getByLabel('Analytic confidence').selectOption(j.confidence);
    await form.getByRole('button', { name: 'Add judgment' }).click();
    await expect(form.getByLabel('Statement')).toHaveValue('');
    const card = this.judgment(j.statement);
    await expect(card).toBeVisible();
    return card;
  }

  /** Adds a claim to a judgment's basis with the card's picker. */
  async addToBasis(
    judgment: Locator,
    relation: 'supports it' | 'cuts against it',
    query: string,
    option: string | RegExp,
  ): Promise<void> {
    await judgment
      .getByRole('combobox', { name: 'How the claim bears on the judgment' })
      .selectOption({ label: relation });
    const picker = judgment.getByRole('combobox', { name: 'Add a claim to the basis' });
    await picker.fill(query);
    await this.page
      .getByRole('listbox', { name: 'Add a claim to the basis suggestions' })
      .getByRole('option', { name: option })
      .click();
    await expect(picker).toHaveValue('');
    const word = relation === 'supports it' ? 'Supports' : 'Cuts against';
    await expect(
      judgment.locator('ul.basis > li').filter({ hasText: option }).locator('.relation'),
    ).toHaveText(word);
  }

  /** Finds a claim with a claim picker (a search combobox) and picks the option named `option`. */
  async pickClaim(
    within: Locator,
    label: string,
    query: string,
    option: string | RegExp,
  ): Promise<void> {
    const picker = within.getByRole('combobox', { name: label });
    await picker.fill(query);
    await this.page
      .getByRole('listbox', { name: `${label} suggestions` })
      .getByRole('option', { name: option })
      .click();
    await expect(picker).toHaveValue('');
  }

  /** The warnings under a judgment. */
  judgmentWarnings(judgment: Locator): Locator {
    return judgment.getByRole('list', { name: 'Warnings' }).getByRole('listitem');
  }

  get matrix(): Locator {
    return this.page.getByRole('main', { name: 'Matrix' });
  }

  /** The button of the matrix cell for judgment `column` ("J1") and the claim worded `claim`. */
  matrixCell(column: string, claim: string): Locator {
    return this.matrix.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(`${column} and “${claim}”:`)}`),
    });
  }

  get graphView(): Locator {
    return this.page.getByRole('main', { name: 'Evidence graph' });
  }

  /** The graph's edges as the text list under the drawing. */
  get graphLinks(): Locator {
    return this.graphView.getByRole('list', { name: 'Graph links' }).getByRole('listitem');
  }

  // ---- Briefing notes ------------------------------------------------------------------

  get briefingView(): Locator {
    return this.page.getByRole('main', { name: 'Briefing' });
  }

  /** The note menu above the builder ("Note"). */
  get noteMenu(): Locator {
    return this.briefingView.getByRole('combobox', { name: 'Note' });
  }

  /** The builder column: the note's fields, judgments and claims. */
  get builder(): Locator {
    return this.briefingView.locator('[aria-label="Briefing builder"]');
  }

  /** The live preview, rendered from the note as saved. */
  get preview(): Locator {
    return this.briefingView.getByRole('article', { name: 'Preview' });
  }

  /** The notice over the preview saying claims were edited since the note was saved. */
  get editedNotice(): Locator {
    return this.briefingView.locator('.preview-column').getByRole('status');
  }

  /** Starts a note from the Briefing tab, as a user does: a title, then "New note". */
  async newNote(title: string): Promise<void> {
    await this.showView('Briefing');
    await this.briefingView.getByRole('textbox', { name: 'New note title' }).fill(title);
    await this.briefingView.getByRole('button', { name: 'New note' }).click();
    await expect(this.noteMenu.locator('option:checked')).toHaveText(title);
    await expect(this.preview.getByRole('heading', { level: 1 })).toHaveText(title);
  }

  /** A field of the builder: Title, Handling marking, Author, Date, Bottom line up front. */
  noteField(label: string): Locator {
    // Anchored at the start only: a label wrapping a textarea also reads the text typed in it.
    return this.builder.getByLabel(new RegExp(`^${escapeRegExp(label)}`));
  }

  /** Types into a field of the note and leaves it, which saves it. */
  async setNoteField(label: string, value: string): Promise<void> {
    const field = this.noteField(label);
    await field.fill(value);
    await field.blur();
  }

  /** The checkbox that puts a key judgment in the note. */
  noteJudgment(statement: string): Locator {
    return this.builder.getByRole('checkbox', {
      name: new RegExp(`^${escapeRegExp(statement)}`),
    });
  }

  /** The rows of "Claims in the note", in the note's order. */
  get noteClaims(): Locator {
    return this.builder.getByRole('list', { name: 'Claims in the note' }).locator(':scope > li');
  }

  /** The wording of each row of "Claims in the note". */
  get noteClaimTexts(): Locator {
    return this.noteClaims.locator('.order-text');
  }

  noteClaim(text: string): Locator {
    return this.noteClaims.filter({
      has: this.page.locator('.order-text').getByText(text, { exact: true }),
    });
  }

  /** Takes claims out of the note with their × buttons, one save at a time. */
  async removeFromNote(...texts: string[]): Promise<void> {
    for (const text of texts) {
      const before = await this.noteClaims.count();
      await this.builder.getByRole('button', { name: `Remove from the note: ${text}` }).click();
      await expect(this.noteClaims).toHaveCount(before - 1);
    }
  }

  /** The items of one section of the preview ("Key judgments", "Claims"), in order. */
  previewSection(heading: string): Locator {
    return this.preview
      .getByRole('heading', { level: 2, name: heading, exact: true })
      .locator('xpath=following-sibling::*[1]')
      .locator(':scope > li');
  }

  /** The rows of the preview's Sources table. */
  get previewSources(): Locator {
    return this.preview.locator('table tbody tr');
  }

  /** The preview's numbered notes. */
  get previewNotes(): Locator {
    return this.preview.locator('ol.notes > li');
  }

  exportNoteButton(format: 'Word (DOCX)' | 'PDF' | 'Markdown' | 'HTML'): Locator {
    return this.briefingView.getByRole('button', { name: `Export ${format}`, exact: true });
  }

  // ---- Case data -----------------------------------------------------------------------

  get caseMenu(): Locator {
    return this.sidebar.getByRole('combobox', { name: 'Case' });
  }

  get caseData(): Locator {
    return this.sidebar.locator('section.case-data');
  }

  exportCaseButton(format: 'JSON' | 'CSV' | 'W3C' | 'STIX'): Locator {
    return this.caseData
      .getByRole('group', { name: 'Export the case' })
      .getByRole('button', { name: format, exact: true });
  }

  /** Picks a case file with "Import case…" (a new case) or "Merge into this case…". */
  async importCaseFile(filePath: string, how: 'new case' | 'merge'): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.caseData
      .getByRole('button', { name: how === 'new case' ? 'Import case…' : 'Merge into this case…' })
      .click();
    await (await chooser).setFiles(filePath);
  }

  // ---- Suggested claims (issue 13) -------------------------------------------------------

  /** The panel of suggestions beside the text. */
  get suggestionsPanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Suggestions', exact: true });
  }

  get suggestionList(): Locator {
    return this.suggestionsPanel.getByRole('listbox', { name: 'Suggestions to review' });
  }

  get suggestions(): Locator {
    return this.suggestionList.getByRole('option');
  }

  /** The suggestion whose quote holds `words`. */
  suggestion(words: string): Locator {
    return this.suggestions.filter({ hasText: words });
  }

  get selectedSuggestion(): Locator {
    return this.suggestionList.getByRole('option', { selected: true });
  }

  /** Suggestions drawn in the text: outlined, not filled like claims. */
  get ghosts(): Locator {
    return this.readerText.locator('.ghost');
  }

  ghost(words: string): Locator {
    return this.ghosts.filter({ hasText: words });
  }

  /** Clicks the first line of the ghost holding `words` (a ghost may wrap over lines). */
  async clickGhost(words: string): Promise<void> {
    const ghost = this.ghost(words);
    await ghost.scrollIntoViewIfNeeded();
    const box = await ghost.evaluate((el) => {
      const first = el.getClientRects()[0];
      if (!first) throw new Error('the ghost is not drawn');
      return { x: first.left + first.width / 2, y: first.top + first.height / 2 };
    });
    await this.page.mouse.click(box.x, box.y);
  }

  /** The capture panel as Enter on a suggestion opens it, filled in. */
  get acceptPanel(): Locator {
    return this.page.getByRole('form', { name: 'Accept suggested claim' });
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
