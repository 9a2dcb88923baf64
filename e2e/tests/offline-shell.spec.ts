import { expect, test } from '@playwright/test';

const apps = [
  { path: '/crewlink/', name: 'CrewLink' },
  { path: '/mdt/', name: 'MDT' },
  { path: '/portal/', name: 'Patient Portal' },
  { path: '/console/', name: 'Console' },
];

for (const app of apps) {
  test(`${app.name} loads, installs its service worker and reloads with the network cut`, async ({ page, context }) => {
    await page.goto(app.path);
    await expect(page.getByRole('heading', { level: 1, name: app.name })).toBeVisible();
    await expect(page.locator('output.fs-sync')).toBeVisible();

    // The manifest makes the app installable.
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifest = (await (await page.request.get(new URL(manifestHref ?? '', page.url()).toString())).json()) as {
      start_url: string; scope: string; display: string; icons: { sizes: string; purpose?: string }[];
    };
    expect(manifest.start_url).toBe(app.path);
    expect(manifest.scope).toBe(app.path);
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);

    // Wait until the service worker controls the page (a reload may be needed the first time).
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await context.setOffline(true);
    try {
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await expect(page.getByRole('heading', { level: 1, name: app.name })).toBeVisible();
      await expect(page.locator('output.fs-sync')).toContainText('Offline');
    } finally {
      await context.setOffline(false);
    }
  });
}
