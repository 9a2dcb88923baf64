import { expect, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';

test('a PIN locks the shared tablet on reopen, and sign-out removes the user\'s charts from the device', async ({ page }) => {
  const app = new CrewLinkApp(page);
  await app.signIn('medic');
  await page.getByRole('button', { name: 'Set unlock PIN' }).click();
  await page.getByLabel('Unlock PIN for this tablet (4–6 digits)').fill('12');
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('alert')).toContainText('A PIN is 4 to 6 digits');
  await page.getByLabel('Unlock PIN for this tablet (4–6 digits)').fill('4821');
  await page.getByRole('button', { name: 'Save PIN' }).click();
  await expect(page.getByRole('button', { name: 'Change PIN' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: /^Locked/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Charts' })).toHaveCount(0);
  await page.getByLabel('PIN', { exact: true }).fill('0000');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong PIN');
  await page.getByLabel('PIN', { exact: true }).fill('4821');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Charts' })).toBeVisible();

  await app.newBlankChart();
  await page.getByRole('button', { name: 'Back to charts' }).click();
  const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect((await databases()).some((name) => name.includes('crewlink-demo-u-medic'))).toBe(true);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect.poll(async () => (await databases()).filter((name) => name.includes('crewlink-demo-u-medic'))).toEqual([]);
});
