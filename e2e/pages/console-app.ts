import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { SyncApi, demoPassword } from './sync-api';

/** The supervisor Console: sign-in and the review queues. */
export class ConsoleApp {
  constructor(readonly page: Page) {}

  get syncIndicator(): Locator {
    return this.page.locator('output.fs-sync');
  }

  async signIn(username: string): Promise<void> {
    await this.page.goto('/console/');
    await this.page.getByLabel('Agency').fill('demo');
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(demoPassword);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    // Signed in (as a supervisor or not) once the form is gone.
    await expect(this.page.getByRole('form', { name: 'Sign in' })).toHaveCount(0);
  }

  get conflictsTab(): Locator {
    return this.page.getByRole('tab', { name: 'Conflicts' });
  }

  get refusedTab(): Locator {
    return this.page.getByRole('tab', { name: 'Refused' });
  }

  get openConflicts(): Locator {
    return this.page.getByRole('list', { name: 'Open conflicts' });
  }

  /** The card of one chart's conflict in the open list. */
  conflictCard(chartId: string): Locator {
    return this.page.getByRole('listitem', { name: `Chart ${chartId}` });
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh' }).click();
  }

  /** The service worker controls the page, so the Console loads with the network cut. */
  async waitForOfflineReady(): Promise<void> {
    await this.page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
    if (!(await this.page.evaluate(() => navigator.serviceWorker.controller !== null))) await this.page.reload();
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

export interface SameFieldConflict {
  chartId: string;
  keptNarrative: string;
  lostNarrative: string;
}

/**
 * Makes a same-field conflict through the public API, as two tablets would: the medic creates a
 * chart, then the medic and the EMT both change its narrative from the same base; the medic's
 * later edit wins and the EMT's value is kept in a conflict record.
 */
export async function createSameFieldConflict(request: APIRequestContext): Promise<SameFieldConflict> {
  const medic = await SyncApi.login(request, 'medic');
  const emt = await SyncApi.login(request, 'emt');
  const tag = Math.random().toString(36).slice(2, 8);
  const chart = {
    id: crypto.randomUUID(), agencyId: 'demo', editedAt: '2028-08-17T14:05:00.000Z', createdBy: 'u-medic', unitId: 'M1',
    status: 'draft', crew: [], times: { psapCall: '2028-08-17T14:00:00.000Z' }, patient: { lastName: `Conflict${tag}` },
    situation: {}, vitals: [], medications: [], procedures: [], disposition: {}, signatures: [], photos: [], addenda: [],
    findings: [], _deleted: false,
  };
  const keptNarrative = `Medic narrative ${tag} (later edit)`;
  const lostNarrative = `EMT narrative ${tag} (earlier edit)`;
  await push(request, medic.token, [{ newDocumentState: chart }]);
  const base = await medic.getChart(chart.id);
  if (!base) throw new Error(`chart ${chart.id} did not reach the server`);
  await push(request, medic.token, [{ assumedMasterState: base, newDocumentState: { ...base, narrative: keptNarrative, editedAt: '2030-01-01T00:00:00.000Z' } }]);
  const answer = await push(request, emt.token, [{ assumedMasterState: base, newDocumentState: { ...base, narrative: lostNarrative, editedAt: '2029-01-01T00:00:00.000Z' } }]);
  expect(answer, 'the EMT push conflicts and gets the merged chart back').toHaveLength(1);
  return { chartId: chart.id, keptNarrative, lostNarrative };
}

async function push(request: APIRequestContext, token: string, rows: unknown[]): Promise<unknown[]> {
  const response = await request.post('/api/v1/sync/epcrs/0/push', { data: rows, headers: { authorization: `Bearer ${token}` } });
  if (!response.ok()) throw new Error(`push: ${response.status()} ${await response.text()}`);
  return (await response.json()) as unknown[];
}
