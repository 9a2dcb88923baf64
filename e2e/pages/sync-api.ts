import type { APIRequestContext } from '@playwright/test';

export const demoPassword = 'demo-password';

type Chart = Record<string, unknown> & {
  id: string; status: string; narrative?: string; patient: Record<string, unknown>; situation: Record<string, unknown>;
  findings: unknown[]; signatures: { attachmentSha256: string }[]; photos: { attachmentSha256: string }[];
};

/** The server seen through its public API, as another device or a supervisor would. */
export class SyncApi {
  private constructor(private readonly request: APIRequestContext, readonly token: string) {}

  static async login(request: APIRequestContext, username: string): Promise<SyncApi> {
    const response = await request.post('/api/v1/auth/login', { data: { agency: 'demo', username, password: demoPassword } });
    if (!response.ok()) throw new Error(`login ${username}: ${response.status()} ${await response.text()}`);
    const body = (await response.json()) as { accessToken: string };
    return new SyncApi(request, body.accessToken);
  }

  /** Every chart the user may see (follows the checkpoint to the end). */
  async pullCharts(): Promise<Chart[]> {
    const charts = new Map<string, Chart>();
    let checkpoint: string | null = null;
    for (;;) {
      const query: string = checkpoint ? `&checkpoint=${encodeURIComponent(checkpoint)}` : '';
      const response = await this.request.get(`/api/v1/sync/epcrs/0/pull?limit=500${query}`, { headers: { authorization: `Bearer ${this.token}` } });
      if (!response.ok()) throw new Error(`pull: ${response.status()}`);
      const body = (await response.json()) as { documents: Chart[]; checkpoint: string | null };
      for (const doc of body.documents) charts.set(doc.id, doc);
      if (body.documents.length === 0 || !body.checkpoint || body.checkpoint === checkpoint) break;
      checkpoint = body.checkpoint;
    }
    return [...charts.values()];
  }

  async getChart(id: string): Promise<Chart | undefined> {
    return (await this.pullCharts()).find((c) => c.id === id);
  }

  /** Files a new chart from this user's tablet (a draft with the given fields); answers its id. */
  async pushChart(fields: Partial<Chart> & { createdBy: string; unitId: string }): Promise<string> {
    const chart = {
      id: crypto.randomUUID(), agencyId: 'demo', editedAt: new Date().toISOString(), status: 'draft', crew: [],
      times: {}, patient: {}, situation: {}, vitals: [], medications: [], procedures: [], disposition: {},
      signatures: [], photos: [], addenda: [], findings: [], _deleted: false, ...fields,
    };
    const response = await this.request.post('/api/v1/sync/epcrs/0/push', {
      data: [{ newDocumentState: chart }], headers: { authorization: `Bearer ${this.token}` },
    });
    if (!response.ok()) throw new Error(`push: ${response.status()} ${await response.text()}`);
    const answer = (await response.json()) as unknown[];
    if (answer.length > 0) throw new Error(`push not written as sent: ${JSON.stringify(answer)}`);
    return chart.id;
  }

  async getAttachment(sha256: string): Promise<{ status: number; size: number; contentType: string }> {
    const response = await this.request.get(`/api/v1/attachments/${sha256}`, { headers: { authorization: `Bearer ${this.token}` } });
    const body = response.ok() ? await response.body() : Buffer.alloc(0);
    return { status: response.status(), size: body.length, contentType: response.headers()['content-type'] ?? '' };
  }
}
