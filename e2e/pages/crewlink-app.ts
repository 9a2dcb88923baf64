import { expect, type Locator, type Page } from '@playwright/test';
import { ChartEditorPage } from './chart-editor-page';
import { demoPassword } from './sync-api';

/** CrewLink's shell, sign-in and chart list. */
export class CrewLinkApp {
  constructor(readonly page: Page) {}

  get syncIndicator(): Locator {
    return this.page.locator('output.fs-sync');
  }

  async signIn(username: string): Promise<void> {
    await this.page.goto('/crewlink/');
    await this.page.getByLabel('Agency').fill('demo');
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(demoPassword);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByRole('heading', { name: 'Charts' })).toBeVisible();
  }

  /** The service worker controls the page, so the app loads with the network cut. */
  async waitForOfflineReady(): Promise<void> {
    await this.page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
    if (!(await this.page.evaluate(() => navigator.serviceWorker.controller !== null))) await this.page.reload();
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect(this.page.getByRole('heading', { name: 'Charts' })).toBeVisible();
  }

  async newBlankChart(): Promise<ChartEditorPage> {
    await this.page.getByRole('button', { name: 'New blank chart' }).click();
    const editor = new ChartEditorPage(this.page);
    await expect(editor.form).toBeVisible();
    return editor;
  }

  chartItem(title: string): Locator {
    return this.page.getByRole('list', { name: 'Charts' }).getByRole('button', { name: new RegExp(title) });
  }

  async openChart(title: string): Promise<ChartEditorPage> {
    await this.chartItem(title).click();
    const editor = new ChartEditorPage(this.page);
    await expect(editor.form).toBeVisible();
    return editor;
  }

  /** Nothing queued and the last exchange succeeded. */
  async expectSynced(): Promise<void> {
    await expect(this.syncIndicator).toContainText('Synced', { timeout: 30_000 });
  }
}
