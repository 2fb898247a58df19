/**
 * A page model of Claimdesk with intent methods, so specs read like what a user does.
 * Selections are made the way a user makes them: a mouse drag over the words, or
 * Shift+arrow keys from a caret.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface NewDocument {
  title: string;
  text: string;
  outlet?: string;
  url?: string;
  publishedAt?: string;
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
    await this.page.getByRole('button', { name: 'Add document' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add document' });
    await dialog.getByLabel('Title').fill(doc.title);
    if (doc.outlet) await dialog.getByLabel('Outlet (optional)').fill(doc.outlet);
    if (doc.publishedAt) await dialog.getByLabel('Published (optional)').fill(doc.publishedAt);
    if (doc.url) await dialog.getByLabel('URL (optional)').fill(doc.url);
    await dialog.getByLabel('Text').fill(doc.text);
    await dialog.getByRole('button', { name: 'Add document' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { name: doc.title })).toBeVisible();
  }

  /** Screen positions of the first and last character of the `occurrence`-th `passage`. */
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
    const box = await this.passageBox(passage, occurrence);
    await this.page.mouse.move(box.startX, box.startY);
    await this.page.mouse.down();
    await this.page.mouse.move((box.startX + box.endX) / 2, (box.startY + box.endY) / 2, {
      steps: 4,
    });
    await this.page.mouse.move(box.endX, box.endY, { steps: 4 });
    await this.page.mouse.up();
    await expect(this.page.getByRole('form', { name: 'New claim' })).toBeVisible();
  }

  /** Puts the caret before `passage` with a click, then extends with Shift+ArrowRight. */
  async selectWithKeyboard(passage: string, occurrence = 0): Promise<void> {
    const box = await this.passageBox(passage, occurrence);
    await this.page.mouse.click(box.startX, box.startY);
    for (let i = 0; i < passage.length; i++) await this.page.keyboard.press('Shift+ArrowRight');
    await expect(this.page.getByRole('form', { name: 'New claim' })).toBeVisible();
  }

  /** Fills the capture panel and creates the claim. */
  async createClaim(wording: string): Promise<void> {
    const panel = this.page.getByRole('form', { name: 'New claim' });
    await panel.getByLabel('Claim, in your words (optional)').fill(wording);
    await panel.getByRole('button', { name: 'Create claim' }).click();
    await expect(panel).toBeHidden();
  }

  claimCard(text: string): Locator {
    return this.claimCards.filter({ hasText: text });
  }
}
