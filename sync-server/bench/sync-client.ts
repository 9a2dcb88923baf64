/** The few HTTP calls the bench makes, as a device would make them (fetch over loopback). */

export const demoPassword = 'demo-password';
const pushPath = '/api/v1/sync/epcrs/0/push';
const pullPath = '/api/v1/sync/epcrs/0/pull';

export interface PushOutcome {
  ok: boolean;
  /** Rows the server answered with (conflicts or refusals); 0 when every row was written. */
  answered: number;
  status: number;
  ms: number;
  error?: string;
}

/** Logs a demo user in and returns the access token. */
export async function loginDemoUser(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agency: 'demo', username, password: demoPassword }),
  });
  if (res.status !== 200) throw new Error(`login demo/${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken?: unknown };
  if (typeof body.accessToken !== 'string') throw new Error(`login demo/${username}: no accessToken in the answer`);
  return body.accessToken;
}

/** One push of `rows` (RxDB push rows: `{newDocumentState}`); never throws, the outcome says what happened. */
export async function pushRows(baseUrl: string, token: string, rows: readonly unknown[]): Promise<PushOutcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${pushPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(rows),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) return { ok: false, answered: 0, status: res.status, ms, error: text.slice(0, 300) };
    const answer = JSON.parse(text) as unknown;
    const answered = Array.isArray(answer) ? answer.length : -1;
    return { ok: answered === 0, answered, status: res.status, ms, error: answered === 0 ? undefined : text.slice(0, 300) };
  } catch (err) {
    return { ok: false, answered: 0, status: 0, ms: performance.now() - started, error: (err as Error).message };
  }
}

export interface PulledPage {
  count: number;
  checkpoint: string | null;
}

/** One GET pull after `checkpoint` (null = from the start). */
export async function pullPage(baseUrl: string, token: string, checkpoint: string | null, limit: number): Promise<PulledPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (checkpoint !== null) query.set('checkpoint', checkpoint);
  const res = await fetch(`${baseUrl}${pullPath}?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`pull: ${res.status} ${await res.text()}`);
  const page = (await res.json()) as { documents: unknown[]; checkpoint: string | null };
  return { count: page.documents.length, checkpoint: page.checkpoint };
}

/** Pulls the whole collection in pages of `limit`, following the checkpoint; returns the documents read. */
export async function pullEverything(baseUrl: string, token: string, limit: number): Promise<number> {
  let checkpoint: string | null = null;
  let total = 0;
  for (;;) {
    const page = await pullPage(baseUrl, token, checkpoint, limit);
    total += page.count;
    checkpoint = page.checkpoint;
    if (page.count < limit) return total;
  }
}
