import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ConsoleApp, createSameFieldConflict } from '../pages/console-app';

// Logins are rate-limited per address (30 a minute), and the whole suite shares one server: this file
// signs in four times in all (medic and EMT through the API, supervisor and medic in the Console).

test('a supervisor sees the value that lost a same-field conflict, keeps it offline, and marks it reviewed', async ({ page, context, request }) => {
  const conflict = await createSameFieldConflict(request);
  const app = new ConsoleApp(page);
  await app.signIn('supervisor');
  await app.waitForOfflineReady();
  await expect(app.conflictsTab).toHaveAttribute('aria-selected', 'true');

  const card = app.conflictCard(conflict.chartId);
  await expect(card).toBeVisible();
  await expect(card.getByRole('definition').filter({ hasText: /^narrative$/ })).toBeVisible();
  await expect(card.getByTestId('lost-value')).toContainText(conflict.lostNarrative);
  await expect(card.getByTestId('kept-value')).toContainText(conflict.keptNarrative);
  await expect(card).toContainText('Kept (already on the server)');
  await expect(card).toContainText('Lost (sent by the device)');
  await expect(card).toContainText('pushed by u-emt');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const box = await card.getByRole('button', { name: 'Mark reviewed' }).boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

  // Offline: the loaded list stays, says when it was loaded, and cannot be changed.
  await context.setOffline(true);
  try {
    await app.refusedTab.click();
    await app.conflictsTab.click();
    await expect(page.getByRole('status').filter({ hasText: 'Offline — last loaded at' })).toBeVisible();
    await expect(card.getByTestId('lost-value')).toContainText(conflict.lostNarrative);
    await expect(card.getByRole('button', { name: 'Mark reviewed' })).toBeDisabled();

    // A reload with the network cut opens the cached shell and the saved session, without crashing.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Console' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Open conflicts' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Offline — this list has not been loaded yet' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
  await expect(card).toBeVisible();

  // Keyboard only: focus the button and press Enter; the conflict leaves the open list.
  await card.getByRole('button', { name: 'Mark reviewed' }).focus();
  await page.keyboard.press('Enter');
  await expect(card).toHaveCount(0);
  await app.refresh();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(app.conflictCard(conflict.chartId)).toHaveCount(0);

  // Arrow keys move between the queues; the refused documents screen is there.
  await app.conflictsTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(app.refusedTab).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Refused documents' })).toBeVisible();
});

test('a crew login gets "Supervisors only" and can sign out', async ({ page }) => {
  const app = new ConsoleApp(page);
  await app.signIn('medic');
  await expect(page.getByRole('heading', { name: 'Supervisors only' })).toBeVisible();
  await expect(app.conflictsTab).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
