import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collections } from '../collections/registry';
import type { PatientCareReport } from '../documents/patient-care-report';
import type { WireDocument } from '../documents/replicated-document';
import { makePatientCareReport } from '../testing';
import { mergeDocuments, type FieldConflict } from './merge-documents';
import { cloneJson, deepEqual, isPlainObject } from './json-value';
import { isIdKeyedArray } from './merge-values';

type Chart = WireDocument<PatientCareReport>;

/**
 * Property tests of the three-way merge over ePCR-shaped documents: random edit scripts are applied
 * to a common base on the "server" and the "client", then merged.
 */
const definition = collections.epcrs;
const runs = { numRuns: 500, seed: 20260301 } as const;

const timeKeys = ['onScene', 'atPatient', 'departedScene', 'atDestination'] as const;
const patientKeys = ['firstName', 'lastName', 'phone'] as const;
const instants = ['2026-03-01T14:05:00.000Z', '2026-03-01T14:06:00.000Z', '2026-03-01T14:07:00.000Z'];
const words = ['Okafor', 'Nguyen', 'Smith', 'Lopez', ''];

type Edit =
  | { op: 'time'; key: (typeof timeKeys)[number]; value: string | undefined }
  | { op: 'patient'; key: (typeof patientKeys)[number]; value: string }
  | { op: 'narrative'; value: string }
  | { op: 'symptoms'; value: string[] }
  | { op: 'addVital'; id: string; heartRate: number }
  | { op: 'editVital'; id: string; field: 'heartRate' | 'spo2'; value: number }
  | { op: 'removeVital'; id: string }
  | { op: 'addAddendum'; id: string; text: string }
  | { op: 'editAddendum'; id: string; text: string }
  | { op: 'findings'; ruleId: string }
  | { op: 'delete' };

const vitalIdArb = fc.constantFrom('v1', 'v2', 'v3');
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('time' as const), key: fc.constantFrom(...timeKeys), value: fc.option(fc.constantFrom(...instants), { nil: undefined }) }),
  fc.record({ op: fc.constant('patient' as const), key: fc.constantFrom(...patientKeys), value: fc.constantFrom(...words) }),
  fc.record({ op: fc.constant('narrative' as const), value: fc.constantFrom('Pt found supine.', 'Pt found seated.', 'Refused care.') }),
  fc.record({ op: fc.constant('symptoms' as const), value: fc.subarray(['R07.9', 'R06.02', 'R11.0']) }),
  fc.record({ op: fc.constant('addVital' as const), id: vitalIdArb, heartRate: fc.integer({ min: 40, max: 180 }) }),
  fc.record({ op: fc.constant('editVital' as const), id: vitalIdArb, field: fc.constantFrom('heartRate' as const, 'spo2' as const), value: fc.integer({ min: 60, max: 100 }) }),
  fc.record({ op: fc.constant('removeVital' as const), id: vitalIdArb }),
  fc.record({ op: fc.constant('addAddendum' as const), id: fc.constantFrom('a1', 'a2'), text: fc.constantFrom('late entry', 'correction') }),
  fc.record({ op: fc.constant('editAddendum' as const), id: fc.constantFrom('a1', 'a2'), text: fc.constantFrom('amended', 'struck') }),
  fc.record({ op: fc.constant('findings' as const), ruleId: fc.constantFrom('r1', 'r2') }),
  fc.constant({ op: 'delete' as const }),
);

function applyEdits(doc: Chart, edits: readonly Edit[], editedAt: string): Chart {
  const d = cloneJson(doc);
  for (const edit of edits) applyEdit(d, edit);
  d.editedAt = editedAt;
  return d;
}

function applyEdit(d: Chart, edit: Edit): void {
  switch (edit.op) {
    case 'time': if (edit.value === undefined) delete d.times[edit.key]; else d.times[edit.key] = edit.value; break;
    case 'patient': d.patient[edit.key] = edit.value; break;
    case 'narrative': d.narrative = edit.value; break;
    case 'symptoms': d.situation.otherSymptoms = edit.value; break;
    case 'addVital': if (!d.vitals.some((v) => v.id === edit.id)) d.vitals.push({ id: edit.id, takenAt: instants[0]!, heartRate: edit.heartRate }); break;
    case 'editVital': { const vital = d.vitals.find((v) => v.id === edit.id); if (vital) vital[edit.field] = edit.value; break; }
    case 'removeVital': d.vitals = d.vitals.filter((v) => v.id !== edit.id); break;
    case 'addAddendum': if (!d.addenda.some((a) => a.id === edit.id)) d.addenda.push({ id: edit.id, authorId: 'u1', authorName: 'U', writtenAt: instants[0]!, text: edit.text }); break;
    case 'editAddendum': { const addendum = d.addenda.find((a) => a.id === edit.id); if (addendum) addendum.text = edit.text; break; }
    case 'findings': d.findings = [{ ruleId: edit.ruleId, severity: 'WARNING', path: 'narrative', message: 'm' }]; break;
    case 'delete': d._deleted = true; break;
  }
}

/** Every base starts with two vital sets and an addendum, so both sides often touch the same items. */
const seedChart = makePatientCareReport({
  seed: 1,
  vitals: [{ id: 'v1', takenAt: instants[0]!, heartRate: 88 }, { id: 'v2', takenAt: instants[1]!, heartRate: 84, spo2: 95 }],
  addenda: [{ id: 'a1', authorId: 'u1', authorName: 'U', writtenAt: instants[0]!, text: 'first' }],
});
const baseArb = fc.array(editArb.filter((e) => e.op !== 'delete'), { maxLength: 6 })
  .map((edits) => applyEdits(seedChart, edits, '2026-03-01T14:00:00.000Z'));
const scriptArb = fc.array(editArb, { maxLength: 6 });
const sideArb = fc.record({ edits: scriptArb, editedAt: fc.constantFrom(...instants) });

/** Leaf values by path; id-keyed array items are addressed as `key[id=…]`. */
function flatten(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  const top = path === '' ? undefined : path.split(/[.[]/)[0];
  if (isPlainObject(value)) {
    if (path !== '') out.set(`${path}{}`, true);
    for (const [key, item] of Object.entries(value)) flatten(item, path === '' ? key : `${path}.${key}`, out);
  } else if (top !== undefined && definition.idKeyedArrays.includes(top) && isIdKeyedArray(value)) {
    for (const item of value) flatten(item, `${path}[id=${item.id}]`, out);
  } else {
    out.set(path, value);
  }
  return out;
}

const ignored = (path: string): boolean =>
  path === 'editedAt' || definition.serverOnlyFields.some((field) => path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`));

function related(conflict: FieldConflict, path: string): boolean {
  const p = path.replace(/\{\}$/, '');
  return p === conflict.path || p.startsWith(`${conflict.path}.`) || p.startsWith(`${conflict.path}[`)
    || conflict.path.startsWith(`${p}.`) || conflict.path.startsWith(`${p}[`);
}

function withoutEditedAt(doc: Chart): Omit<Chart, 'editedAt'> {
  const { editedAt: _editedAt, ...rest } = doc;
  return rest;
}

describe('mergeDocuments properties', () => {
  it('merge(base, x, x) is x (modulo editedAt) with no conflicts', () => {
    fc.assert(fc.property(baseArb, sideArb, (base, side) => {
      const x = applyEdits(base, side.edits, side.editedAt);
      const { merged, conflicts } = mergeDocuments({ base, server: x, client: x, definition });
      expect(deepEqual(withoutEditedAt(merged), withoutEditedAt(x))).toBe(true);
      expect(conflicts).toEqual([]);
    }), runs);
  });

  it('merge(base, base, c) is c and merge(base, s, base) is s for fields the client may write', () => {
    fc.assert(fc.property(baseArb, sideArb, (base, side) => {
      const changed = applyEdits(base, side.edits, side.editedAt);
      const clientOnly = mergeDocuments({ base, server: base, client: changed, definition });
      const serverOnly = mergeDocuments({ base, server: changed, client: base, definition });
      const writable = (doc: Chart): Map<string, unknown> =>
        new Map([...flatten(doc)].filter(([path]) => !ignored(path)));
      expect(deepEqual(Object.fromEntries(writable(clientOnly.merged)), Object.fromEntries(writable(changed)))).toBe(true);
      expect(deepEqual(withoutEditedAt(serverOnly.merged), withoutEditedAt(changed))).toBe(true);
      expect([...clientOnly.conflicts, ...serverOnly.conflicts]).toEqual([]);
    }), runs);
  });

  it('keeps both sides of disjoint edits', () => {
    const serverEdits = fc.array(fc.oneof(
      fc.record({ op: fc.constant('time' as const), key: fc.constantFrom(...timeKeys), value: fc.constantFrom(...instants) }),
      fc.record({ op: fc.constant('addVital' as const), id: fc.constantFrom('s1', 's2'), heartRate: fc.integer({ min: 40, max: 180 }) }),
      fc.record({ op: fc.constant('editVital' as const), id: vitalIdArb, field: fc.constant('heartRate' as const), value: fc.integer({ min: 60, max: 100 }) }),
    ), { maxLength: 5 });
    const clientEdits = fc.array(fc.oneof(
      fc.record({ op: fc.constant('patient' as const), key: fc.constantFrom(...patientKeys), value: fc.constantFrom(...words) }),
      fc.record({ op: fc.constant('narrative' as const), value: fc.constantFrom('a', 'b') }),
      fc.record({ op: fc.constant('addVital' as const), id: fc.constantFrom('c1', 'c2'), heartRate: fc.integer({ min: 40, max: 180 }) }),
      fc.record({ op: fc.constant('editVital' as const), id: vitalIdArb, field: fc.constant('spo2' as const), value: fc.integer({ min: 60, max: 100 }) }),
    ), { maxLength: 5 });
    fc.assert(fc.property(baseArb, serverEdits, clientEdits, fc.constantFrom(...instants), (base, sEdits, cEdits, editedAt) => {
      // Each side adds its own vital ids, so edits by base id touch the same items on both sides.
      const server = applyEdits(base, sEdits, editedAt);
      const client = applyEdits(base, cEdits, editedAt);
      const expected = applyEdits(server, cEdits, editedAt);
      const { merged, conflicts } = mergeDocuments({ base, server, client, definition });
      expect(conflicts).toEqual([]);
      expect(deepEqual(merged, expected)).toBe(true);
    }), runs);
  });

  it('merges id-keyed arrays as a union of additions minus untouched removals', () => {
    fc.assert(fc.property(baseArb, sideArb, sideArb, (base, s, c) => {
      const server = applyEdits(base, s.edits, s.editedAt);
      const client = applyEdits(base, c.edits, c.editedAt);
      const { merged } = mergeDocuments({ base, server, client, definition });
      const ids = (d: Chart): string[] => d.vitals.map((v) => v.id);
      const mergedIds = ids(merged);
      expect(new Set(mergedIds).size).toBe(mergedIds.length);
      for (const id of new Set([...ids(server), ...ids(client)])) {
        const inBase = ids(base).includes(id);
        const addedSomewhere = !inBase;
        const keptByBoth = ids(server).includes(id) && ids(client).includes(id);
        if (addedSomewhere || keptByBoth) expect(mergedIds).toContain(id);
      }
      for (const id of ids(base)) {
        const baseItem = base.vitals.find((v) => v.id === id);
        const sItem = server.vitals.find((v) => v.id === id);
        const cItem = client.vitals.find((v) => v.id === id);
        const removedUntouched = (sItem === undefined && deepEqual(cItem, baseItem)) || (cItem === undefined && deepEqual(sItem, baseItem));
        if (removedUntouched) expect(mergedIds).not.toContain(id);
      }
      expect(mergedIds.every((id) => ids(server).includes(id) || ids(client).includes(id))).toBe(true);
    }), runs);
  });

  it('never loses a value typed on either side without a conflict record (locked or not)', () => {
    fc.assert(fc.property(baseArb, sideArb, sideArb, fc.boolean(), (base, s, c, lock) => {
      const server = applyEdits(base, s.edits, s.editedAt);
      if (lock) server.status = 'locked';
      const client = applyEdits(base, c.edits, c.editedAt);
      const { merged, conflicts } = mergeDocuments({ base, server, client, definition });
      const flatBase = flatten(base);
      const flatMerged = flatten(merged);
      for (const side of [server, client]) {
        const flatSide = flatten(side);
        for (const path of new Set([...flatBase.keys(), ...flatSide.keys()])) {
          if (ignored(path)) continue;
          if (deepEqual(flatBase.get(path), flatSide.get(path))) continue;
          const kept = deepEqual(flatMerged.get(path), flatSide.get(path));
          if (!kept && !conflicts.some((conflict) => related(conflict, path))) {
            throw new Error(`${side === server ? 'server' : 'client'} value at ${path} lost without a conflict`);
          }
        }
      }
    }), runs);
  });

  it('is idempotent: merging the merged result with the same client changes nothing', () => {
    fc.assert(fc.property(baseArb, sideArb, sideArb, fc.boolean(), (base, s, c, lock) => {
      const server = applyEdits(base, s.edits, s.editedAt);
      if (lock) server.status = 'locked';
      const client = applyEdits(base, c.edits, c.editedAt);
      const first = mergeDocuments({ base, server, client, definition }).merged;
      const second = mergeDocuments({ base, server: first, client, definition }).merged;
      expect(deepEqual(second, first)).toBe(true);
    }), runs);
  });

  it('applies no client change to a locked chart except new addenda', () => {
    fc.assert(fc.property(baseArb, sideArb, sideArb, (base, s, c) => {
      const server = { ...applyEdits(base, s.edits, s.editedAt), status: 'locked' as const };
      const client = applyEdits(base, c.edits, c.editedAt);
      const { merged, conflicts } = mergeDocuments({ base, server, client, definition });
      const { addenda: mergedAddenda, editedAt: _m, _deleted: deleted, ...mergedRest } = merged;
      const { addenda: serverAddenda, editedAt: _s, _deleted: _d, ...serverRest } = server;
      expect(deepEqual(mergedRest, serverRest)).toBe(true);
      expect(deleted === true).toBe(server._deleted === true);
      const newClientAddenda = client.addenda.filter((a) => !base.addenda.some((b) => b.id === a.id));
      for (const addendum of [...serverAddenda, ...newClientAddenda]) {
        expect(mergedAddenda.map((a) => a.id)).toContain(addendum.id);
      }
      expect(conflicts.every((conflict) => conflict.reason === 'locked' && conflict.winner === 'server')).toBe(true);
    }), runs);
  });
});
