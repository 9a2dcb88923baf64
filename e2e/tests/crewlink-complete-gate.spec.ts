import { expect, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';
import { SyncApi } from '../pages/sync-api';

test('completing an incomplete chart shows the server\'s findings and keeps every value', async ({ page, request }) => {
  const app = new CrewLinkApp(page);
  await app.signIn('medic');
  const editor = await app.newBlankChart();
  const id = editor.chartId();
  const lastName = `Gate${Date.now().toString(36)}`;
  await editor.fill('Last name', lastName);
  await editor.fill('Chief complaint', 'Syncope at church');
  await page.getByRole('button', { name: 'Add vital set' }).click();
  await editor.fill('Systolic (mmHg), set 1', '118');
  await editor.expectSaved();

  // The on-device NEMSIS check runs live, before anything reaches the server.
  await expect(editor.validationPanel).toContainText('Must fix before completing');

  await editor.complete();
  const banner = page.getByRole('alert').filter({ hasText: 'The server kept this chart in progress' });
  await expect(banner).toContainText(/\d+ problems?/, { timeout: 30_000 });
  await expect(page.getByTestId('chart-status')).toHaveText('In progress');

  const onServer = await (await SyncApi.login(request, 'supervisor')).getChart(id);
  expect(onServer?.status).toBe('in_progress');
  expect(onServer?.patient.lastName).toBe(lastName);
  const errors = (onServer?.findings ?? []) as { severity: string; path: string; message: string }[];
  const blocking = errors.filter((f) => f.severity === 'ERROR');
  expect(blocking.length).toBeGreaterThan(0);
  await expect(banner).toContainText(`${blocking.length} problem`);
  const panel = editor.validationPanel;
  for (const finding of blocking) await expect(panel).toContainText(finding.message);

  // Every value typed is still there.
  await expect(editor.field('Last name')).toHaveValue(lastName);
  await expect(editor.field('Chief complaint')).toHaveValue('Syncope at church');
  await expect(editor.field('Systolic (mmHg), set 1')).toHaveValue('118');

  // The narrative finding jumps to the narrative.
  const narrative = blocking.find((f) => f.path === 'narrative');
  expect(narrative).toBeDefined();
  await panel.getByRole('button', { name: narrative?.message ?? '' }).first().click();
  await expect(editor.field('Narrative')).toBeFocused();

  // The chart list marks it too, and it stays on the tablet across a reload.
  await page.getByRole('button', { name: 'Back to charts' }).click();
  const item = app.chartItem(lastName);
  await expect(item).toContainText('In progress');
  await expect(item).toContainText('Needs fixes');
  await page.reload();
  await expect(app.chartItem(lastName)).toContainText('Needs fixes');
});
