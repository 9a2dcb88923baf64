import { expect, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';

test('a second tab of the same user shows the queued count as soon as the first tab edits offline, and the sync after', async ({ page, context }) => {
  const first = new CrewLinkApp(page);
  await first.signIn('medic');
  await first.waitForOfflineReady();
  await first.expectSynced();
  const second = new CrewLinkApp(await context.newPage());
  await second.page.goto('/crewlink/');
  await expect(second.page.getByRole('heading', { name: 'Charts' })).toBeVisible();
  // Only one tab syncs; the other still tells the truth about it.
  await second.expectSynced();

  await context.setOffline(true);
  try {
    const editor = await first.newBlankChart();
    await editor.fill('Last name', `SecondTab${Date.now().toString(36)}`);
    await editor.expectSaved();
    await expect(first.syncIndicator).toContainText('Offline — 1 change(s) saved on this device');
    // Promptly: well inside the default wait, without a reload or a click in the second tab.
    await expect(second.syncIndicator).toContainText('Offline — 1 change(s) saved on this device', { timeout: 5_000 });
    // And the other way round: a chart started in the second tab counts in the first.
    const secondEditor = await second.newBlankChart();
    await secondEditor.fill('Last name', `SecondTabToo${Date.now().toString(36)}`);
    await secondEditor.expectSaved();
    await expect(second.syncIndicator).toContainText('Offline — 2 change(s) saved on this device');
    await expect(first.syncIndicator).toContainText('Offline — 2 change(s) saved on this device', { timeout: 5_000 });

    await context.setOffline(false);
    await first.expectSynced();
    await second.expectSynced();
  } finally {
    await context.setOffline(false);
  }
});
