import { expect, test, type Browser } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';
import { SyncApi } from '../pages/sync-api';

async function openDevice(browser: Browser, username: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const app = new CrewLinkApp(page);
  await app.signIn(username);
  await app.waitForOfflineReady();
  return { context, page, app };
}

test('medic and EMT edit one chart offline (different fields and one shared) and both converge', async ({ browser, request }) => {
  const medic = await openDevice(browser, 'medic');
  const emt = await openDevice(browser, 'emt');
  try {
    const lastName = `Shared${Date.now().toString(36)}`;
    const medicEditor = await medic.app.newBlankChart();
    const id = medicEditor.chartId();
    await medicEditor.fill('Last name', lastName);
    await medicEditor.expectSaved();
    await medic.app.expectSynced();

    // The EMT's tablet receives the chart live and opens it.
    await emt.page.getByRole('button', { name: 'Unit M1' }).click();
    const emtEditor = await emt.app.openChart(lastName);
    expect(emtEditor.chartId()).toBe(id);

    await medic.context.setOffline(true);
    await emt.context.setOffline(true);
    await medicEditor.fill('First name', 'Jordan');
    await medicEditor.fill('Chief complaint', 'Chest pain (medic)');
    await medicEditor.expectSaved();
    await emtEditor.fill('Narrative', 'EMT narrative written offline.');
    await emtEditor.fill('Chief complaint', 'Chest pain radiating to jaw (EMT, later)');
    await emtEditor.expectSaved();

    await medic.context.setOffline(false);
    await medic.app.expectSynced();
    await emt.context.setOffline(false);
    await emt.app.expectSynced();

    const expected = {
      'Last name': lastName,
      'First name': 'Jordan',
      Narrative: 'EMT narrative written offline.',
      'Chief complaint': 'Chest pain radiating to jaw (EMT, later)',
    };
    for (const [label, value] of Object.entries(expected)) {
      await expect(medicEditor.field(label)).toHaveValue(value, { timeout: 30_000 });
      await expect(emtEditor.field(label)).toHaveValue(value, { timeout: 30_000 });
    }
    const onServer = await (await SyncApi.login(request, 'supervisor')).getChart(id);
    expect(onServer?.patient).toMatchObject({ lastName, firstName: 'Jordan' });
    expect(onServer?.situation.chiefComplaint).toBe(expected['Chief complaint']);
    expect(onServer?.narrative).toBe(expected.Narrative);
  } finally {
    await medic.context.close();
    await emt.context.close();
  }
});
