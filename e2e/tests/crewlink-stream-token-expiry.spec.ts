import { expect, request as playwrightRequest, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';
import { useOwnServer } from '../pages/own-server';
import { SyncApi } from '../pages/sync-api';

// Access tokens that live 15 seconds, so the live stream is closed by the server during the test.
const tokenSeconds = 15;
const server = useOwnServer({ ACCESS_TOKEN_SECONDS: String(tokenSeconds) });

test('after the server closes the live stream at token expiry, the app refreshes, reconnects and still receives another tablet\'s new chart', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server().baseURL, serviceWorkers: 'allow' });
  const api = await playwrightRequest.newContext({ baseURL: server().baseURL });
  try {
    const page = await context.newPage();
    const streams: string[] = [];
    const refreshes: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/sync/epcrs/0/stream')) streams.push(r.url());
      if (r.url().endsWith('/api/v1/auth/refresh')) refreshes.push(r.url());
    });
    const app = new CrewLinkApp(page);
    await app.signIn('medic');
    await app.expectSynced();
    await page.getByRole('button', { name: 'Unit M1' }).click();
    expect(streams).toHaveLength(1);

    // The first stream's token expires: the server ends the stream, the app renews its token and opens a new one.
    await expect.poll(() => streams.length, { timeout: 2 * tokenSeconds * 1000 }).toBeGreaterThanOrEqual(2);
    expect(refreshes.length).toBeGreaterThanOrEqual(1);

    // The EMT's tablet (same unit) files a chart now; the medic's list shows it without a reload.
    const lastName = `AfterExpiry${Date.now().toString(36)}`;
    const emt = await SyncApi.login(api, 'emt');
    await emt.pushChart({ createdBy: 'u-emt', unitId: 'M1', patient: { lastName } });
    await expect(app.chartItem(lastName)).toBeVisible({ timeout: 15_000 });
    await expect(app.syncIndicator).toContainText('Synced');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  } finally {
    await api.dispose();
    await context.close();
  }
});

test('when the syncing tab closes, the second tab takes over with the tokens the first one renewed and keeps receiving charts', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server().baseURL, serviceWorkers: 'allow' });
  const api = await playwrightRequest.newContext({ baseURL: server().baseURL });
  try {
    const first = new CrewLinkApp(await context.newPage());
    const streams: string[] = [];
    first.page.on('request', (r) => {
      if (r.url().includes('/api/v1/sync/epcrs/0/stream')) streams.push(r.url());
    });
    await first.signIn('medic');
    await first.expectSynced();
    const second = new CrewLinkApp(await context.newPage());
    await second.page.goto('/crewlink/');
    await second.page.getByRole('button', { name: 'Unit M1' }).click();
    await second.expectSynced();

    // The first (syncing) tab renews the tokens when its stream is closed at expiry; then it is closed.
    await expect.poll(() => streams.length, { timeout: 2 * tokenSeconds * 1000 }).toBeGreaterThanOrEqual(2);
    await first.page.close();

    const lastName = `TakeOver${Date.now().toString(36)}`;
    const emt = await SyncApi.login(api, 'emt');
    await emt.pushChart({ createdBy: 'u-emt', unitId: 'M1', patient: { lastName } });
    await expect(second.chartItem(lastName)).toBeVisible({ timeout: 20_000 });
    await expect(second.syncIndicator).toContainText('Synced');
    await expect(second.syncIndicator).not.toContainText('session has ended');
  } finally {
    await api.dispose();
    await context.close();
  }
});
