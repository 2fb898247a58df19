/**
 * One analyst's desk for the team specs (issue 14): a web host on a data dir of its own, a
 * page on it, and intent methods for the Team dialog and the sync badge.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Browser, type Locator } from '@playwright/test';
import { AppPage } from './appPage';
import { WebHost } from './webHost';

export class TeamDesk {
  private constructor(
    readonly name: string,
    readonly host: WebHost,
    readonly app: AppPage,
    private readonly dataDir: string,
  ) {}

  static async open(browser: Browser, name: string): Promise<TeamDesk> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `claimdesk-team-${name}-`));
    const host = await WebHost.start(dataDir);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const app = new AppPage(await context.newPage());
    await app.open(host.launchUrl);
    return new TeamDesk(name, host, app, dataDir);
  }

  /** Stops the host and removes its data dir; safe after a failed start of the page. */
  async close(): Promise<void> {
    await this.app.page
      .context()
      .close()
      .catch(() => undefined);
    await this.host.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  get page() {
    return this.app.page;
  }

  get badge(): Locator {
    return this.page.locator('.sync-badge');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Team/ });
  }

  async openTeam(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Team…' }).click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  async closeTeam(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(this.dialog).toBeHidden();
  }

  /** The id of the case on screen, as the app remembers it. */
  activeCaseId(): Promise<string | null> {
    return this.page.evaluate(() => localStorage.getItem('claimdesk.lastCase'));
  }

  async share(connection: string): Promise<void> {
    const dialog = await this.openTeam();
    const form = dialog.getByRole('form', { name: 'Share this case' });
    await form.getByLabel('Connection string').fill(connection);
    await form.getByRole('button', { name: 'Share' }).click();
    await expect(dialog.getByRole('region', { name: 'Sync' })).toBeVisible();
  }

  /** The Join form of the Team dialog, with the cases this login may join listed. */
  async listCases(connection: string): Promise<Locator> {
    const dialog = await this.openTeam();
    const form = dialog.getByRole('form', { name: 'Join a case from a team database' });
    await form.getByLabel('Connection string').fill(connection);
    await form.getByRole('button', { name: 'List cases' }).click();
    return form;
  }

  async join(connection: string, title: string): Promise<void> {
    const form = await this.listCases(connection);
    await form.getByRole('button', { name: `Join ${title}` }).click();
    await expect(this.dialog).toBeHidden();
  }

  async addMember(member: string, role: 'reader' | 'analyst' | 'owner'): Promise<void> {
    const dialog = await this.openTeam();
    const add = dialog.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('Login name').fill(member);
    await add.getByLabel('Role').selectOption(role);
    await add.getByRole('button', { name: 'Add member' }).click();
    await expect(dialog.getByRole('table', { name: 'Members' }).getByRole('row')).toContainText([
      member,
    ]);
    await this.closeTeam();
  }

  /** "Work offline" or "Go online" in the Team dialog. */
  async setOffline(offline: boolean): Promise<void> {
    const dialog = await this.openTeam();
    await dialog.getByRole('button', { name: offline ? 'Work offline' : 'Go online' }).click();
    await expect(
      dialog.getByRole('button', { name: offline ? 'Go online' : 'Work offline' }),
    ).toBeVisible();
    await this.closeTeam();
  }

  card(claimId: string): Locator {
    return this.page.locator(`.claim-card[data-claim-id="${claimId}"]`);
  }

  /** Opens the editor of a claim, sets fields, saves. */
  async editClaim(claimId: string, fields: { status?: string; notes?: string }): Promise<void> {
    const editor = await this.app.editClaim(this.card(claimId));
    if (fields.status) await editor.getByLabel('Status').selectOption({ label: fields.status });
    if (fields.notes !== undefined) await editor.getByLabel('Notes').fill(fields.notes);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
  }

  /** The notes of a claim as its editor shows them (opened and closed again). */
  async notesOf(claimId: string): Promise<string> {
    const editor = await this.app.editClaim(this.card(claimId));
    const notes = await editor.getByLabel('Notes').inputValue();
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor).toBeHidden();
    return notes;
  }
}
