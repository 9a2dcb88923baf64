import { expect, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';
import { ChartEditorPage } from '../pages/chart-editor-page';
import { SyncApi } from '../pages/sync-api';

test('a chart typed with the network cut survives a reload and reaches the server with no button pressed', async ({ page, context, request }) => {
  const app = new CrewLinkApp(page);
  await app.signIn('medic');
  await app.waitForOfflineReady();
  const lastName = `Offline${Date.now().toString(36)}`;

  await context.setOffline(true);
  try {
    const editor = await app.newBlankChart();
    const id = editor.chartId();
    await editor.fill('Last name', lastName);
    await editor.fill('Chief complaint', 'Fall from ladder, left wrist pain');
    await editor.fill('Narrative', 'Typed in a basement with no signal.');
    await page.getByRole('button', { name: 'On scene Stamp now' }).click();
    await editor.expectSaved();
    await expect(app.syncIndicator).toContainText('Offline — 1 change(s) saved on this device');

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    const again = new ChartEditorPage(page);
    await expect(again.field('Last name')).toHaveValue(lastName);
    await expect(again.field('Chief complaint')).toHaveValue('Fall from ladder, left wrist pain');
    await expect(again.field('Narrative')).toHaveValue('Typed in a basement with no signal.');
    await expect(page.getByRole('button', { name: /^On scene \d/ })).toBeVisible();
    await expect(app.syncIndicator).toContainText('1 change(s) saved on this device');
    expect(again.chartId()).toBe(id);

    await context.setOffline(false);
    const supervisor = await SyncApi.login(request, 'supervisor');
    await expect.poll(async () => (await supervisor.getChart(id))?.patient.lastName, { timeout: 45_000 }).toBe(lastName);
    const onServer = await supervisor.getChart(id);
    expect(onServer?.narrative).toBe('Typed in a basement with no signal.');
    await app.expectSynced();
  } finally {
    await context.setOffline(false);
  }
});
