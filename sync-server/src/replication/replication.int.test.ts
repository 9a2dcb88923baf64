import { makeIncident, makePatientCareReport } from '@field/shared-model/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/rows';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

type Doc = Record<string, unknown> & { id: string; updatedAt: string; _deleted: boolean };
const epcrs = '/api/v1/sync/epcrs/0';
const incidents = '/api/v1/sync/incidents/0';

let testDb: TestDatabase;
let t: TestApp;
let medic: string;
let emt: string;
let supervisor: string;
let northMedic: string;
let dispatcher: string;

function chart(seed: number, overrides: Record<string, unknown> = {}) {
  return { ...makePatientCareReport({ seed, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), ...overrides };
}

async function push(path: string, token: string, rows: unknown[]): Promise<Doc[]> {
  const res = await t.call('POST', `${path}/push`, token, rows);
  expect(res.status).toBe(200);
  return (await res.json()) as Doc[];
}

async function pullAll(path: string, token: string): Promise<Doc[]> {
  const out: Doc[] = [];
  let checkpoint = '';
  for (;;) {
    const res = await t.call('GET', `${path}/pull?limit=50&checkpoint=${encodeURIComponent(checkpoint)}`, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { documents: Doc[]; checkpoint: string | null };
    out.push(...body.documents);
    if (body.documents.length < 50) return out;
    checkpoint = body.checkpoint ?? '';
  }
}

async function pullOnePage(path: string, token: string, checkpoint: string, limit: number): Promise<{ documents: Doc[]; checkpoint: string | null }> {
  const res = await t.call('GET', `${path}/pull?limit=${limit}&checkpoint=${encodeURIComponent(checkpoint)}`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as { documents: Doc[]; checkpoint: string | null };
}

async function serverCopy(path: string, token: string, id: string): Promise<Doc | undefined> {
  return (await pullAll(path, token)).filter((d) => d.id === id).pop();
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
  medic = (await t.login('demo', 'medic')).accessToken;
  emt = (await t.login('demo', 'emt')).accessToken;
  supervisor = (await t.login('demo', 'supervisor')).accessToken;
  northMedic = (await t.login('north', 'medic')).accessToken;
  dispatcher = (await t.login('demo', 'dispatcher')).accessToken;
});
afterAll(async () => {
  await testDb.drop();
});

describe('push and pull', () => {
  it('commits a new chart, stamps updatedAt on the server and serves it to the crew', async () => {
    const doc = chart(1, { updatedAt: '1999-01-01T00:00:00.000Z' });
    expect(await push(epcrs, medic, [{ newDocumentState: { ...doc, _deleted: false } }])).toEqual([]);
    const copy = await serverCopy(epcrs, emt, doc.id);
    expect(copy?.patient).toEqual(doc.patient);
    expect(copy?.updatedAt).toBe(new Date(t.clock.now()).toISOString());
  });

  it('treats a repeated push as harmless (at-least-once delivery)', async () => {
    const doc = { ...chart(2), _deleted: false };
    await push(epcrs, medic, [{ newDocumentState: doc }]);
    const first = await serverCopy(epcrs, medic, doc.id);
    t.clock.advance(1000);
    const again = await push(epcrs, medic, [{ newDocumentState: doc }]);
    // The replay conflicts with the stored version only by updatedAt: the answer is the server copy, unchanged.
    expect(again.map((d) => d.updatedAt)).toEqual([first?.updatedAt]);
    expect(await serverCopy(epcrs, medic, doc.id)).toEqual(first);
  });

  it('keeps another agency out: no reads, and a foreign agencyId is refused but kept for a supervisor', async () => {
    const doc = chart(3);
    await push(epcrs, medic, [{ newDocumentState: { ...doc, _deleted: false } }]);
    expect((await pullAll(epcrs, northMedic)).map((d) => d.id)).not.toContain(doc.id);

    const foreign = { ...chart(4), agencyId: 'demo', unitId: 'N1', _deleted: false };
    const answer = await push(epcrs, northMedic, [{ newDocumentState: foreign }]);
    expect(answer).toHaveLength(1);
    expect(answer[0]?.syncRefusal).toMatchObject({ code: 'foreign-agency' });
    const kept = rowsOf<{ code: string }>(await testDb.database.db.execute(
      sql`SELECT code FROM refused_documents WHERE agency_id = 'north' AND document_id = ${foreign.id}`));
    expect(kept.map((r) => r.code)).toEqual(['foreign-agency']);
  });

  it('commits the valid rows of a batch and refuses only the invalid one, with a reason', async () => {
    const good = { ...chart(5), _deleted: false };
    const bad = { ...chart(6), status: 'shredded', _deleted: false };
    const answer = await push(epcrs, medic, [{ newDocumentState: bad }, { newDocumentState: good }]);
    expect(answer.map((d) => d.id)).toEqual([bad.id]);
    expect(answer[0]?.syncRefusal).toMatchObject({ code: 'schema' });
    expect(String((answer[0]?.syncRefusal as { reason: string }).reason)).toContain('status');
    const ids = (await pullAll(epcrs, medic)).map((d) => d.id);
    expect(ids).toContain(good.id);
    expect(ids).not.toContain(bad.id);
  });

  it('refuses a device that tries to set a server-only field', async () => {
    const doc = { ...chart(7), findings: [{ ruleId: 'x', severity: 'WARNING', path: 'x', message: 'forged' }], _deleted: false };
    const answer = await push(epcrs, medic, [{ newDocumentState: doc }]);
    expect(answer[0]?.syncRefusal).toMatchObject({ code: 'server-only-field' });
  });

  it('does not let a device slip a server-only value in through its own assumedMasterState', async () => {
    const forged = [{ ruleId: 'x', severity: 'WARNING', path: 'x', message: 'forged' }];
    const fresh = { ...chart(8), findings: forged, _deleted: false };
    // A new chart has no server version the device could have seen.
    const first = await push(epcrs, medic, [{ assumedMasterState: fresh, newDocumentState: fresh }]);
    expect(first[0]?.syncRefusal).toMatchObject({ code: 'server-only-field' });

    expect(await push(epcrs, medic, [{ newDocumentState: { ...fresh, findings: [] } }])).toEqual([]);
    const stored = (await serverCopy(epcrs, medic, fresh.id)) as Doc;
    const claimed = { ...stored, findings: forged, narrative: 'Pt stable.' };
    const second = await push(epcrs, medic, [{ assumedMasterState: { ...stored, findings: forged }, newDocumentState: claimed }]);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ narrative: 'Pt stable.' });
    expect(JSON.stringify(second[0])).not.toContain('forged');
    expect(JSON.stringify(await serverCopy(epcrs, medic, fresh.id))).not.toContain('forged');
  });

  it('answers 426 for an outdated schema version and 400 for malformed input', async () => {
    expect((await t.call('GET', '/api/v1/sync/epcrs/-1/pull', medic)).status).toBe(400);
    expect((await t.call('GET', '/api/v1/sync/nothing/0/pull', medic)).status).toBe(404);
    expect((await t.call('GET', `${epcrs}/pull?checkpoint=%7B%22cp%22%3A1%7D`, medic)).status).toBe(400);
    expect((await t.call('GET', `${epcrs}/pull?limit=-3`, medic)).status).toBe(400);
    expect((await t.call('POST', `${epcrs}/push`, medic, { not: 'an array' })).status).toBe(400);
    const raw = await t.app.request(`${epcrs}/push`, {
      method: 'POST', headers: { authorization: `Bearer ${medic}`, 'content-type': 'application/json' }, body: '[{',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect((await t.call('GET', `${epcrs}/pull`)).status).toBe(401);
  });
});

describe('pull order', () => {
  it('pages through changes in transaction order when transaction ids gain a digit', async () => {
    const docs = [chart(70), chart(71), chart(72)].map((d) => ({ ...d, _deleted: false }));
    expect(await push(epcrs, medic, docs.map((d) => ({ newDocumentState: d })))).toEqual([]);
    // Stamp the three rows with transaction ids 9, 10 and 11, older than anything else stored.
    for (const [i, doc] of docs.entries()) {
      await testDb.database.db.execute(sql`UPDATE documents SET txid = ${9 + i} WHERE id = ${doc.id}`);
    }
    const seen: string[] = [];
    let checkpoint = encodeCheckpoint({ txid: 8n, id: '' });
    for (let page = 0; page < 3; page += 1) {
      const res = await t.call('GET', `${epcrs}/pull?limit=1&checkpoint=${encodeURIComponent(checkpoint)}`, medic);
      const body = (await res.json()) as { documents: Doc[]; checkpoint: string };
      seen.push(...body.documents.map((d) => d.id));
      checkpoint = body.checkpoint;
    }
    expect(seen).toEqual(docs.map((d) => d.id));
    // Two at a time: the page ends at txid 10, not at the text-wise larger "9".
    const res = await t.call('GET', `${epcrs}/pull?limit=2&checkpoint=${encodeURIComponent(encodeCheckpoint({ txid: 8n, id: '' }))}`, medic);
    const body = (await res.json()) as { documents: Doc[]; checkpoint: string };
    expect(body.documents.map((d) => d.id)).toEqual([docs[0]?.id, docs[1]?.id]);
    expect(decodeCheckpoint(body.checkpoint)?.txid).toBe(10n);
  });
});

describe('conflicts', () => {
  it('keeps disjoint edits from two devices and merges vitals by id', async () => {
    const doc = { ...chart(10), _deleted: false };
    await push(epcrs, medic, [{ newDocumentState: doc }]);
    const base = (await serverCopy(epcrs, medic, doc.id)) as Doc;
    const vital = (id: string, hr: number) => ({ id, takenAt: '2026-11-23T10:05:00.000Z', heartRate: hr });
    const deviceA = { ...base, narrative: 'Found patient seated.', vitals: [vital('v-a', 88)], editedAt: '2026-11-23T10:06:00.000Z' };
    const deviceB = { ...base, disposition: { unitDisposition: '4227001' }, vitals: [vital('v-b', 92)], editedAt: '2026-11-23T10:07:00.000Z' };
    expect(await push(epcrs, medic, [{ assumedMasterState: base, newDocumentState: deviceA }])).toEqual([]);
    t.clock.advance(1000);
    const answer = await push(epcrs, emt, [{ assumedMasterState: base, newDocumentState: deviceB }]);
    expect(answer).toHaveLength(1);
    const merged = answer[0] as Doc & { vitals: { id: string }[] };
    expect(merged.narrative).toBe('Found patient seated.');
    expect(merged.disposition).toEqual({ unitDisposition: '4227001' });
    expect(merged.vitals.map((v) => v.id).sort()).toEqual(['v-a', 'v-b']);
    expect(await serverCopy(epcrs, supervisor, doc.id)).toEqual(merged);
  });

  it('writes a chart sent twice in one long push once: both edits kept, the version before the push as its previous one', async () => {
    // A push of more than one write group (push.ts sends documents to Postgres in groups of 20 rows):
    // the chart's first row is in the first group, its second row in the last.
    const doc = { ...chart(40), _deleted: false };
    await push(epcrs, medic, [{ newDocumentState: doc }]);
    const base = (await serverCopy(epcrs, medic, doc.id)) as Doc;
    const others = Array.from({ length: 43 }, (_, i) => ({ newDocumentState: { ...chart(4100 + i), _deleted: false } }));
    const first = { ...base, narrative: 'First look: patient seated, alert.', editedAt: '2026-11-23T10:06:00.000Z' };
    const second = { ...base, disposition: { unitDisposition: '4227001' }, editedAt: '2026-11-23T10:07:00.000Z' };
    t.clock.advance(1000);
    const answer = await push(epcrs, medic, [
      others[0], { assumedMasterState: base, newDocumentState: first }, ...others.slice(1),
      { assumedMasterState: base, newDocumentState: second },
    ]);
    // The first row fast-forwards (no answer); the second is merged with it and answered.
    expect(answer.map((d) => d.id)).toEqual([doc.id]);
    const stored = await serverCopy(epcrs, supervisor, doc.id);
    expect(stored).toMatchObject({ narrative: first.narrative, disposition: second.disposition });
    expect(stored).toEqual(answer[0]);
    const [row] = rowsOf<{ previous_data: unknown }>(await testDb.database.db.execute(sql`
      SELECT previous_data FROM documents WHERE agency_id = 'demo' AND collection = 'epcrs' AND id = ${doc.id}`));
    const previous = typeof row?.previous_data === 'string' ? JSON.parse(row.previous_data) as unknown : row?.previous_data;
    const { _deleted: _d, ...baseData } = base;
    expect(previous).toEqual(baseData);
    for (const other of others) expect(await serverCopy(epcrs, medic, other.newDocumentState.id)).toBeDefined();
  });

  it('loses neither of two disjoint edits pushed to the same chart at the same moment', async () => {
    // On Postgres the two pushes run in parallel transactions; the per-document lock must make the
    // second one merge against the first one's commit instead of overwriting it.
    for (let round = 0; round < 8; round += 1) {
      const doc = { ...chart(60 + round), _deleted: false };
      await push(epcrs, medic, [{ newDocumentState: doc }]);
      const base = (await serverCopy(epcrs, medic, doc.id)) as Doc;
      const deviceA = { ...base, narrative: `A${round}`, editedAt: '2026-11-23T10:06:00.000Z' };
      const deviceB = { ...base, disposition: { unitDisposition: '4227001' }, editedAt: '2026-11-23T10:07:00.000Z' };
      await Promise.all([
        push(epcrs, medic, [{ assumedMasterState: base, newDocumentState: deviceA }]),
        push(epcrs, emt, [{ assumedMasterState: base, newDocumentState: deviceB }]),
      ]);
      expect(await serverCopy(epcrs, supervisor, doc.id)).toMatchObject({
        narrative: `A${round}`, disposition: { unitDisposition: '4227001' },
      });
    }
  });

  it('lets the later device edit win a same-field conflict and keeps the loser for supervisors', async () => {
    const doc = { ...chart(11), _deleted: false };
    await push(epcrs, medic, [{ newDocumentState: doc }]);
    const base = (await serverCopy(epcrs, medic, doc.id)) as Doc;
    const later = { ...base, narrative: 'Later words', editedAt: '2026-11-23T11:00:00.000Z' };
    const earlier = { ...base, narrative: 'Earlier words', editedAt: '2026-11-23T10:30:00.000Z' };
    await push(epcrs, medic, [{ assumedMasterState: base, newDocumentState: later }]);
    const answer = await push(epcrs, emt, [{ assumedMasterState: base, newDocumentState: earlier }]);
    expect(answer[0]?.narrative).toBe('Later words');
    const rows = rowsOf<{ detail: unknown }>(await testDb.database.db.execute(
      sql`SELECT detail FROM conflicts WHERE agency_id = 'demo' AND document_id = ${doc.id}`));
    expect(JSON.stringify(rows)).toContain('Earlier words');
  });

  it('accepts no field edits on a locked chart, only addenda', async () => {
    const doc = { ...chart(12), narrative: 'Signed narrative', _deleted: false };
    await push(epcrs, medic, [{ newDocumentState: doc }]);
    let base = (await serverCopy(epcrs, supervisor, doc.id)) as Doc;
    await push(epcrs, supervisor, [{ assumedMasterState: base, newDocumentState: { ...base, status: 'locked' } }]);
    base = (await serverCopy(epcrs, medic, doc.id)) as Doc;
    expect(base.status).toBe('locked');
    expect(base.lockedBy).toBe('u-supervisor');
    const addendum = { id: 'add-1', authorId: 'u-medic', authorName: 'Alex Medic', writtenAt: '2026-11-23T12:00:00.000Z', text: 'Late entry: allergy to penicillin.' };
    const answer = await push(epcrs, medic, [{
      assumedMasterState: base,
      newDocumentState: { ...base, narrative: 'Rewritten after signing', addenda: [addendum], editedAt: '2026-11-23T12:00:00.000Z' },
    }]);
    const after = answer[0] ?? (await serverCopy(epcrs, medic, doc.id));
    expect(after?.narrative).toBe('Signed narrative');
    expect(after?.addenda).toEqual([addendum]);
  });
});

describe('validation gate', () => {
  it('keeps an incomplete chart in progress with findings that travel back to the device', async () => {
    const doc = { ...chart(20), status: 'completed', narrative: '', _deleted: false };
    const answer = await push(epcrs, medic, [{ newDocumentState: doc }]);
    expect(answer[0]?.status).toBe('in_progress');
    const findings = answer[0]?.findings as { severity: string; path: string }[];
    expect(findings.some((f) => f.severity === 'ERROR' && f.path === 'narrative')).toBe(true);
    const stored = await serverCopy(epcrs, medic, doc.id);
    expect(stored?.status).toBe('in_progress');
    expect(stored?.narrative).toBe('');
  });

  it('completes a chart that passes the national NEMSIS rules, keeping its warnings', async () => {
    const realistic = makePatientCareReport({ seed: 21, realistic: true, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' });
    const doc = {
      ...realistic, status: 'completed', _deleted: false,
      // NEMSIS wants GNIS feature codes for cities, not names.
      patient: { ...realistic.patient, address: { ...realistic.patient.address, city: '2411856' } },
      disposition: { ...realistic.disposition, destinationCity: '2411856' },
    };
    const answer = await push(epcrs, medic, [{ newDocumentState: doc }]);
    expect(answer[0]?.status).toBe('completed');
    const findings = answer[0]?.findings as { severity: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'WARNING')).toBe(true);
    expect((await serverCopy(epcrs, medic, doc.id))?.status).toBe('completed');
  });
});

describe('scope', () => {
  it('shows crews only their unit\'s assignments and evicts one that is reassigned', async () => {
    const incident = { ...makeIncident({ seed: 30, agencyId: 'demo', unitIds: ['M1'] }), _deleted: false };
    expect(await push(incidents, dispatcher, [{ newDocumentState: incident }])).toEqual([]);
    const seen = await serverCopy(incidents, medic, incident.id);
    expect(seen?._deleted).toBe(false);
    const base = (await serverCopy(incidents, dispatcher, incident.id)) as Doc;
    t.clock.advance(1000);
    await push(incidents, dispatcher, [{ assumedMasterState: base, newDocumentState: { ...base, unitIds: ['M2'] } }]);
    const after = await serverCopy(incidents, medic, incident.id);
    expect(after?._deleted).toBe(true);
  });

  it('answers a short page only when nothing is left, also when a tombstone it expected turns out not to be due', async () => {
    // Pages of 4 for unit M1, in commit order: A B (M1), two assignments of M2 (invisible), Y (M1),
    // X (moved from M2 to M3: its previous version is judged after the page's rows are read, and
    // M1 never saw it), C (M1). The first page is A B Y C; a page that stopped at X would look
    // caught up and leave C behind until the next change.
    const assign = async (seed: number, unitIds: string[]) => {
      const incident = { ...makeIncident({ seed, agencyId: 'demo', unitIds }), _deleted: false };
      expect(await push(incidents, dispatcher, [{ newDocumentState: incident }])).toEqual([]);
      return incident.id;
    };
    const moved = await assign(36, ['M2']);
    const start = (await pullOnePage(incidents, medic, '', 1000)).checkpoint;
    const a = await assign(37, ['M1']);
    const b = await assign(38, ['M1']);
    await assign(39, ['M2']);
    await assign(40, ['M2']);
    const y = await assign(41, ['M1']);
    const base = (await serverCopy(incidents, dispatcher, moved)) as Doc;
    t.clock.advance(1000);
    await push(incidents, dispatcher, [{ assumedMasterState: base, newDocumentState: { ...base, unitIds: ['M3'] } }]);
    // Its previous version's stored scope is unknown (as for rows stored before the column existed).
    await testDb.database.db.execute(sql`UPDATE documents SET previous_read_scope = NULL WHERE id = ${moved}`);
    const c = await assign(42, ['M1']);
    const first = await pullOnePage(incidents, medic, start ?? '', 4);
    expect(first.documents.map((d) => d.id)).toEqual([a, b, y, c]);
    expect((await pullOnePage(incidents, medic, first.checkpoint ?? '', 4)).documents).toEqual([]);
  });

  it('judges rows stored before read_scope existed on the documents themselves', async () => {
    const incident = { ...makeIncident({ seed: 32, agencyId: 'demo', unitIds: ['M1'] }), _deleted: false };
    expect(await push(incidents, dispatcher, [{ newDocumentState: incident }])).toEqual([]);
    const base = (await serverCopy(incidents, dispatcher, incident.id)) as Doc;
    const forgetScopes = () => testDb.database.db.execute(sql`
      UPDATE documents SET read_scope = NULL, previous_read_scope = NULL WHERE id = ${incident.id}`);
    await forgetScopes();
    expect((await serverCopy(incidents, medic, incident.id))?._deleted).toBe(false);
    t.clock.advance(1000);
    await push(incidents, dispatcher, [{ assumedMasterState: base, newDocumentState: { ...base, unitIds: ['M2'] } }]);
    await forgetScopes();
    const after = await serverCopy(incidents, medic, incident.id);
    expect(after).toMatchObject({ id: incident.id, unitIds: ['M1'], _deleted: true });
    expect(await serverCopy(incidents, dispatcher, incident.id)).toMatchObject({ unitIds: ['M2'], _deleted: false });
  });

  it('does not trust a stored scope taken for another access rule (a release that changed canRead\'s fields)', async () => {
    const incident = { ...makeIncident({ seed: 34, agencyId: 'demo', unitIds: ['M2'] }), _deleted: false };
    expect(await push(incidents, dispatcher, [{ newDocumentState: incident }])).toEqual([]);
    expect(await serverCopy(incidents, medic, incident.id)).toBeUndefined();
    // A scope that would let unit M1 read it, recorded under an older field list: it must be ignored.
    await testDb.database.db.execute(sql`
      UPDATE documents SET read_scope = '{"agencyId": "demo", "unitIds": ["M1"], "$fields": "agencyId"}'::jsonb
      WHERE id = ${incident.id}`);
    expect(await serverCopy(incidents, medic, incident.id)).toBeUndefined();
    // The same scope under the current field list is what a write stores, and is trusted.
    await testDb.database.db.execute(sql`
      UPDATE documents SET read_scope = '{"agencyId": "demo", "unitIds": ["M1"], "$fields": "agencyId,unitIds"}'::jsonb
      WHERE id = ${incident.id}`);
    expect((await serverCopy(incidents, medic, incident.id))?.id).toBe(incident.id);
  });

  it('passes stored text through unchanged: quotes, newlines and non-Latin letters survive a pull', async () => {
    const doc = { ...chart(33), narrative: 'Pt said "it hurts"\nback\\slash — Łódź 患者 🚑', _deleted: false };
    expect(await push(epcrs, medic, [{ newDocumentState: doc }])).toEqual([]);
    expect((await serverCopy(epcrs, medic, doc.id))?.narrative).toBe(doc.narrative);
  });

  it('refuses a crew write to a chart of another unit', async () => {
    const other = { ...chart(31), unitId: 'M9', createdBy: 'someone-else', _deleted: false };
    const answer = await push(epcrs, medic, [{ newDocumentState: other }]);
    expect(answer[0]?.syncRefusal).toMatchObject({ code: 'forbidden' });
  });
});

describe('audit', () => {
  it('records every delivery of patient data and refuses to change the log', async () => {
    const doc = { ...chart(40), _deleted: false };
    await push(epcrs, medic, [{ newDocumentState: doc }]);
    await pullAll(epcrs, supervisor);
    const rows = rowsOf<{ action: string }>(await testDb.database.db.execute(
      sql`SELECT action FROM audit_log WHERE agency_id = 'demo' AND ${doc.id} = ANY(document_ids)`));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['epcrs.push', 'epcrs.pull']));
    await expect(testDb.database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(testDb.database.db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
  });
});
