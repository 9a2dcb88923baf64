import { makePatientCareReport } from '@field/shared-model/testing';

export interface SeedOptions {
  baseUrl: string;
  count: number;
}

async function login(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agency: 'demo', username, password: 'demo-password' }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Pushes `count` realistic (~8 KB) charts of unit M1, created by the demo medic. Returns them as sent. */
export async function seedCharts({ baseUrl, count }: SeedOptions): Promise<Record<string, unknown>[]> {
  const token = await login(baseUrl, 'medic');
  const charts = Array.from({ length: count }, (_, i) => makePatientCareReport({
    seed: 10_000 + i, realistic: true, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic',
  }) as unknown as Record<string, unknown>);
  for (let i = 0; i < charts.length; i += 100) {
    const rows = charts.slice(i, i + 100).map((newDocumentState) => ({ newDocumentState }));
    const response = await fetch(`${baseUrl}/api/v1/sync/epcrs/0/push`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(rows),
    });
    if (!response.ok) throw new Error(`push: ${response.status} ${await response.text()}`);
    const answer = (await response.json()) as unknown[];
    if (answer.length > 0) throw new Error(`push refused or merged ${answer.length} charts: ${JSON.stringify(answer[0]).slice(0, 300)}`);
  }
  return charts;
}

/** Time for a bare HTTP client (Node fetch, no storage) to pull every chart in pages of `limit`: the server's share. */
export async function timeServerPull(baseUrl: string, limit: number): Promise<{ ms: number; documents: number }> {
  const token = await login(baseUrl, 'supervisor');
  const start = performance.now();
  let checkpoint: string | null = null;
  let documents = 0;
  for (;;) {
    const query: string = checkpoint ? `&checkpoint=${encodeURIComponent(checkpoint)}` : '';
    const response = await fetch(`${baseUrl}/api/v1/sync/epcrs/0/pull?limit=${limit}${query}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { documents: unknown[]; checkpoint: string | null };
    documents += body.documents.length;
    if (body.documents.length === 0 || !body.checkpoint) break;
    checkpoint = body.checkpoint;
  }
  return { ms: performance.now() - start, documents };
}
