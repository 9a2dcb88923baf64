import { describe, expect, it } from 'vitest';
import { fieldDomId, getAtPath, parseChartPath, removeItem, setAtPath, upsertItem } from './chart-paths';

describe('chart paths', () => {
  const chart = () => ({ patient: { lastName: 'Okafor' }, vitals: [{ id: 'v1', systolic: 120 }, { id: 'v2' }] });

  it('reads plain and repeating-group paths', () => {
    expect(getAtPath(chart(), 'patient.lastName')).toBe('Okafor');
    expect(getAtPath(chart(), 'vitals[id=v1].systolic')).toBe(120);
    expect(getAtPath(chart(), 'vitals[id=nope].systolic')).toBeUndefined();
    expect(getAtPath(chart(), 'situation.chiefComplaint')).toBeUndefined();
  });

  it('writes a value, creating missing objects, and removes it when emptied', () => {
    const doc: Record<string, unknown> = chart();
    expect(setAtPath(doc, 'situation.chiefComplaint', 'Chest pain')).toBe(true);
    expect(getAtPath(doc, 'situation.chiefComplaint')).toBe('Chest pain');
    expect(setAtPath(doc, 'vitals[id=v2].heartRate', 88)).toBe(true);
    expect(getAtPath(doc, 'vitals[id=v2].heartRate')).toBe(88);
    setAtPath(doc, 'patient.lastName', '');
    expect(doc.patient).toEqual({});
  });

  it('refuses a path into an item that is gone or malformed', () => {
    const doc: Record<string, unknown> = chart();
    expect(setAtPath(doc, 'vitals[id=gone].heartRate', 88)).toBe(false);
    expect(setAtPath(doc, 'vitals[id=v1]', 1)).toBe(false);
    expect(parseChartPath('a..b')).toBeUndefined();
    expect(parseChartPath('')).toBeUndefined();
  });

  it('adds repeating-group items once and removes them by id', () => {
    const doc: Record<string, unknown> = chart();
    upsertItem(doc, 'vitals', { id: 'v3' });
    upsertItem(doc, 'vitals', { id: 'v3' });
    expect((doc.vitals as unknown[]).length).toBe(3);
    removeItem(doc, 'vitals', 'v1');
    expect(getAtPath(doc, 'vitals[id=v1].systolic')).toBeUndefined();
  });

  it('makes DOM ids from paths', () => {
    expect(fieldDomId('vitals[id=v1].systolic')).toBe('f-vitals-id-v1-systolic');
  });
});
