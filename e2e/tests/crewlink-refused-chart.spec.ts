import { expect, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';
import { ChartEditorPage } from '../pages/chart-editor-page';

test('a chart the server refuses shows a Refused badge and the reason in the list and the editor, and stays on the tablet', async ({ page }) => {
  const app = new CrewLinkApp(page);
  await app.signIn('medic');
  await app.expectSynced();
  // As a faulty app version would: every push sets a server-only field (who locked the chart), to a new value
  // each time (the same value sent back as the assumed master state would be dropped, not refused).
  let pushes = 0;
  await page.route('**/api/v1/sync/epcrs/0/push', async (route) => {
    const rows = route.request().postDataJSON() as { newDocumentState: Record<string, unknown> }[];
    pushes += 1;
    for (const row of rows) row.newDocumentState.lockedBy = `u-medic-${pushes}`;
    await route.continue({ postData: JSON.stringify(rows) });
  });
  const editor = await app.newBlankChart();
  const id = editor.chartId();
  const lastName = `Refused${Date.now().toString(36)}`;
  await editor.fill('Last name', lastName);
  await editor.expectSaved();

  const refusal = page.getByRole('alert').filter({ hasText: 'The server refused this chart' });
  await expect(refusal).toContainText('lockedBy', { timeout: 30_000 });
  await expect(editor.field('Last name')).toHaveValue(lastName);

  await page.getByRole('button', { name: 'Back to charts' }).click();
  const item = app.chartItem(lastName);
  await expect(item).toContainText('Refused');
  await expect(item.getByTestId('sync-state')).toHaveText('Refused by the server');

  // Still on the tablet, still marked, after a reload.
  await page.unroute('**/api/v1/sync/epcrs/0/push');
  await page.reload();
  await expect(app.chartItem(lastName)).toContainText('Refused');
  await app.chartItem(lastName).click();
  const again = new ChartEditorPage(page);
  expect(again.chartId()).toBe(id);
  await expect(again.field('Last name')).toHaveValue(lastName);
  await expect(page.getByRole('alert').filter({ hasText: 'The server refused this chart' })).toContainText('lockedBy');
});
