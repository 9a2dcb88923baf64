import { describe, expect, it } from 'vitest';
import { collections } from '../collections/registry';
import type { PatientCareReport } from '../documents/patient-care-report';
import type { WireDocument } from '../documents/replicated-document';
import { makeIncident, makePatientCareReport } from '../testing';
import { cloneJson } from './json-value';
import { mergeDocuments, type MergeResult } from './merge-documents';

type Chart = WireDocument<PatientCareReport>;

const definition = collections.epcrs;
const base = makePatientCareReport({ seed: 7, realistic: true, editedAt: '2026-03-08T15:00:00.000Z' });
const at = (minute: number): string => `2026-03-08T15:${String(minute).padStart(2, '0')}:00.000Z`;

function edit(doc: Chart, editedAt: string, change: (draft: Chart) => void): Chart {
  const copy = cloneJson(doc);
  change(copy);
  copy.editedAt = editedAt;
  return copy;
}

function mergeCharts(server: Chart, client: Chart, from: Chart | undefined = base):
MergeResult<Chart> {
  return mergeDocuments({ base: from, server, client, definition });
}

describe('mergeDocuments: disjoint edits', () => {
  it('keeps times.onScene from one tablet and times.atPatient from the other', () => {
    const server = edit(base, at(5), (d) => { d.times.onScene = '2026-03-08T14:09:30.000Z'; });
    const client = edit(base, at(6), (d) => { d.times.atPatient = '2026-03-08T14:10:45.000Z'; });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.times.onScene).toBe('2026-03-08T14:09:30.000Z');
    expect(merged.times.atPatient).toBe('2026-03-08T14:10:45.000Z');
    expect(conflicts).toEqual([]);
    expect(merged.editedAt).toBe(at(6));
  });

  it('keeps a vital added on each device, server order first then client additions', () => {
    const vital = (id: string, heartRate: number) => ({ id, takenAt: at(1), heartRate });
    const server = edit(base, at(3), (d) => { d.vitals.push(vital('v-server', 80)); });
    const client = edit(base, at(4), (d) => { d.vitals.push(vital('v-client-a', 90), vital('v-client-b', 95)); });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.vitals.map((v) => v.id)).toEqual([...base.vitals.map((v) => v.id), 'v-server', 'v-client-a', 'v-client-b']);
    expect(conflicts).toEqual([]);
  });

  it('merges the same vital set edited on both sides field by field', () => {
    const server = edit(base, at(3), (d) => { d.vitals[0]!.systolic = 170; });
    const client = edit(base, at(4), (d) => { d.vitals[0]!.heartRate = 110; });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.vitals[0]).toMatchObject({ systolic: 170, heartRate: 110 });
    expect(conflicts).toEqual([]);
  });

  it('removes a medication deleted on one side and untouched on the other', () => {
    const removedId = base.medications[1]!.id;
    const server = edit(base, at(3), (d) => { d.narrative = 'Updated narrative'; });
    const client = edit(base, at(4), (d) => { d.medications = d.medications.filter((m) => m.id !== removedId); });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.medications.map((m) => m.id)).not.toContain(removedId);
    expect(merged.narrative).toBe('Updated narrative');
    expect(conflicts).toEqual([]);
  });
});

describe('mergeDocuments: same-field conflicts', () => {
  it('lets the later edit win and records the losing value', () => {
    const server = edit(base, at(10), (d) => { d.patient.lastName = 'Okafor-Smith'; });
    const client = edit(base, at(12), (d) => { d.patient.lastName = 'O\'Kafor'; });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.patient.lastName).toBe('O\'Kafor');
    expect(conflicts).toEqual([{
      path: 'patient.lastName', baseValue: 'Okafor', serverValue: 'Okafor-Smith', clientValue: 'O\'Kafor',
      winner: 'client', reason: 'concurrent-edit', serverEditedAt: at(10), clientEditedAt: at(12),
    }]);
  });

  it('gives a tie to the server', () => {
    const server = edit(base, at(10), (d) => { d.narrative = 'server text'; });
    const client = edit(base, at(10), (d) => { d.narrative = 'client text'; });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.narrative).toBe('server text');
    expect(conflicts[0]).toMatchObject({ path: 'narrative', winner: 'server', clientValue: 'client text' });
  });

  it('compares editedAt as instants, not as strings (time zone offsets)', () => {
    const server = edit(base, '2026-03-08T16:30:00+02:00', (d) => { d.narrative = 'server'; }); // 14:30Z
    const client = edit(base, '2026-03-08T15:00:00Z', (d) => { d.narrative = 'client'; });
    expect(mergeCharts(server, client).merged.narrative).toBe('client');
  });

  it('keeps a vital edited on one device that the other deleted, with a conflict', () => {
    const vitalId = base.vitals[2]!.id;
    const server = edit(base, at(20), (d) => { d.vitals = d.vitals.filter((v) => v.id !== vitalId); });
    const client = edit(base, at(15), (d) => { d.vitals[2]!.spo2 = 91; });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.vitals.find((v) => v.id === vitalId)?.spo2).toBe(91);
    expect(conflicts).toEqual([expect.objectContaining({ path: `vitals[id=${vitalId}]`, winner: 'client', serverValue: undefined })]);
  });

  it('keeps a vital the server edited that the client deleted, with a conflict', () => {
    const vitalId = base.vitals[1]!.id;
    const server = edit(base, at(15), (d) => { d.vitals[1]!.bloodGlucose = 64; });
    const client = edit(base, at(20), (d) => { d.vitals = d.vitals.filter((v) => v.id !== vitalId); });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.vitals.find((v) => v.id === vitalId)?.bloodGlucose).toBe(64);
    expect(conflicts).toEqual([expect.objectContaining({ path: `vitals[id=${vitalId}]`, winner: 'server', clientValue: undefined })]);
  });

  it('treats a missing base as {} (both devices created the same id)', () => {
    const server = makePatientCareReport({ seed: 3, narrative: 'from tablet A', editedAt: at(1) });
    const client = makePatientCareReport({ seed: 3, narrative: 'from tablet B', editedAt: at(2) });
    const { merged, conflicts } = mergeCharts(server, client, undefined);
    expect(merged.narrative).toBe('from tablet B');
    expect(conflicts.map((c) => c.path)).toEqual(['narrative']);
  });
});

describe('mergeDocuments: server-only fields', () => {
  it('never takes findings, lockedBy or updatedAt from the client', () => {
    const server = edit(base, at(1), (d) => { d.findings = [{ ruleId: 'r1', severity: 'ERROR', path: 'p', message: 'm' }]; });
    const client = edit(base, at(2), (d) => {
      d.findings = [];
      d.lockedBy = 'user-evil';
      d.updatedAt = '2099-01-01T00:00:00.000Z';
    });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.findings).toEqual(server.findings);
    expect(merged.lockedBy).toBeUndefined();
    expect(merged.updatedAt).toBe(server.updatedAt);
    expect(conflicts).toEqual([]);
  });
});

describe('mergeDocuments: locked charts', () => {
  const locked = edit(base, at(30), (d) => { d.status = 'locked'; d.lockedBy = 'user-sup'; });

  it('refuses field edits with a locked conflict but still appends a new addendum', () => {
    const addendum = { id: 'add-1', authorId: 'user-crew-1', authorName: 'Dana Whitfield', writtenAt: at(31), text: 'Pt later reported penicillin allergy.' };
    const client = edit(base, at(31), (d) => {
      d.narrative = 'edited after lock';
      d.vitals[0]!.heartRate = 120;
      d.addenda.push(addendum);
    });
    const { merged, conflicts } = mergeCharts(locked, client);
    expect(merged.status).toBe('locked');
    expect(merged.narrative).toBe(base.narrative);
    expect(merged.vitals[0]!.heartRate).toBe(base.vitals[0]!.heartRate);
    expect(merged.addenda).toEqual([addendum]);
    expect(conflicts.map((c) => [c.path, c.reason, c.winner])).toEqual([
      [`vitals[id=${base.vitals[0]!.id}].heartRate`, 'locked', 'server'],
      ['narrative', 'locked', 'server'],
    ]);
    expect(conflicts.find((c) => c.path === 'narrative')?.clientValue).toBe('edited after lock');
  });

  it('does not let a client edit or remove an existing addendum of a locked chart', () => {
    const withAddendum = edit(locked, at(32), (d) => {
      d.addenda = [{ id: 'add-1', authorId: 'u', authorName: 'U', writtenAt: at(31), text: 'original' }];
    });
    const client = edit(withAddendum, at(33), (d) => { d.addenda[0]!.text = 'rewritten'; });
    const { merged, conflicts } = mergeCharts(withAddendum, client, withAddendum);
    expect(merged.addenda[0]!.text).toBe('original');
    expect(conflicts).toEqual([expect.objectContaining({ path: 'addenda[id=add-1].text', reason: 'locked' })]);
  });

  it('refuses a delete of a locked chart', () => {
    const client = { ...cloneJson(base), editedAt: at(40), _deleted: true };
    const { merged, conflicts } = mergeCharts(locked, client);
    expect(merged._deleted).toBe(false);
    expect(conflicts).toEqual([expect.objectContaining({ path: '_deleted', reason: 'locked', winner: 'server' })]);
  });
});

describe('mergeDocuments: deletes', () => {
  it('keeps the chart when the server deleted it but the paramedic kept typing', () => {
    const server = { ...cloneJson(base), editedAt: at(50), _deleted: true };
    const client = edit(base, at(45), (d) => { d.narrative = 'still documenting'; });
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged._deleted).toBe(false);
    expect(merged.narrative).toBe('still documenting');
    expect(conflicts).toEqual([expect.objectContaining({ path: '_deleted', winner: 'client', serverValue: true })]);
  });

  it('keeps the chart when the client deleted it but the server has newer content', () => {
    const server = edit(base, at(10), (d) => { d.situation.chiefComplaint = 'Shortness of breath'; });
    const client = { ...cloneJson(base), editedAt: at(20), _deleted: true };
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged._deleted).toBe(false);
    expect(merged.situation.chiefComplaint).toBe('Shortness of breath');
    expect(conflicts[0]).toMatchObject({ path: '_deleted', winner: 'server', clientValue: true });
  });

  it('deletes when the other side did not touch the content', () => {
    const server = { ...cloneJson(base), _deleted: false };
    const client = { ...cloneJson(base), editedAt: at(20), _deleted: true };
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged._deleted).toBe(true);
    expect(conflicts).toEqual([]);
  });
});

describe('mergeDocuments: incidents', () => {
  it('merges crew notes by id and lets a status change through', () => {
    const incidentBase = makeIncident({ seed: 2 });
    const server = { ...incidentBase, editedAt: at(5), priority: 1, notes: [...incidentBase.notes, { id: 'n-d', writtenAt: at(5), authorName: 'Dispatch', text: 'PD en route' }] };
    const client = { ...incidentBase, editedAt: at(6), status: 'on_scene' as const, notes: [...incidentBase.notes, { id: 'n-c', writtenAt: at(6), authorName: 'Medic 12', text: 'Staging until PD clears' }] };
    const { merged, conflicts } = mergeDocuments({ base: incidentBase, server, client, definition: collections.incidents });
    expect(merged.status).toBe('on_scene');
    expect(merged.priority).toBe(1);
    expect(merged.notes.map((n) => n.id)).toEqual([incidentBase.notes[0]!.id, 'n-d', 'n-c']);
    expect(conflicts).toEqual([]);
  });
});

describe('mergeDocuments: bad input', () => {
  it('does not crash on malformed values and never lets an unparseable editedAt win', () => {
    const server = edit(base, at(5), (d) => { d.narrative = 'server narrative'; });
    const client = { ...cloneJson(base), editedAt: 'not a time', narrative: 'client narrative', vitals: 'oops' } as unknown as Chart;
    const { merged, conflicts } = mergeCharts(server, client);
    expect(merged.narrative).toBe('server narrative');
    // The merge is not a validator: the server's schema check refuses such a push before merging.
    expect(merged.vitals).toBe('oops');
    expect(merged.editedAt).toBe(at(5));
    expect(conflicts.map((c) => c.path)).toEqual(['narrative']);
  });
});
