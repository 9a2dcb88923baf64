import { expect, request as playwrightRequest, test } from '@playwright/test';
import { CrewLinkApp } from '../pages/crewlink-app';
import { useOwnServer } from '../pages/own-server';
import { SyncApi } from '../pages/sync-api';

const server = useOwnServer();

test('with the sync server stopped the chart waits on the tablet, says so, and reaches the restarted server with no button pressed', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server().baseURL, serviceWorkers: 'allow' });
  const api = await playwrightRequest.newContext({ baseURL: server().baseURL });
  try {
    const page = await context.newPage();
    const app = new CrewLinkApp(page);
    await app.signIn('medic');
    await app.expectSynced();

    await server().stop();
    const editor = await app.newBlankChart();
    const id = editor.chartId();
    const lastName = `Restart${Date.now().toString(36)}`;
    await editor.fill('Last name', lastName);
    await editor.fill('Chief complaint', 'Typed while the server was down');
    await editor.expectSaved();
    await expect(app.syncIndicator).toContainText('No connection to the server');
    await expect(app.syncIndicator).toContainText('1 change(s) waiting to send');

    await server().resume();
    await expect(app.syncIndicator).toContainText('Synced', { timeout: 45_000 });
    const supervisor = await SyncApi.login(api, 'supervisor');
    const onServer = await supervisor.getChart(id);
    expect(onServer?.patient.lastName).toBe(lastName);
    expect(onServer?.situation.chiefComplaint).toBe('Typed while the server was down');
  } finally {
    await api.dispose();
    await context.close();
  }
});
