import { describe, expect, it } from 'vitest';
import { checklistFor, computeHydrantDueDates, HYDRANT_INSPECTION_CHECKLIST, validateHydrantInspection, type HydrantInspectionRecord } from './hydrant-inspection';

const allOk = (record: Omit<HydrantInspectionRecord, 'answers'>): HydrantInspectionRecord => ({
  ...record,
  answers: checklistFor(record.barrel, record.flowTested).map((i) => ({ itemId: i.id, ok: true })),
});

describe('NFPA 25 hydrant checklist', () => {
  it('dry barrels check drainage; wet barrels do not', () => {
    const dry = checklistFor('dry', false).map((i) => i.id);
    const wet = checklistFor('wet', false).map((i) => i.id);
    expect(dry).toContain('barrel-drains');
    expect(wet).not.toContain('barrel-drains');
    expect(wet).toContain('operating-nut-sound');
    expect(checklistFor('dry', true).map((i) => i.id)).toContain('flowed-one-minute');
    expect(HYDRANT_INSPECTION_CHECKLIST.every((i) => i.source.startsWith('NFPA 25'))).toBe(true);
  });

  it('a complete inspection with no deficiencies has no findings', () => {
    expect(validateHydrantInspection(allOk({ hydrantId: 'H-1', barrel: 'dry', inspectedOn: '2026-05-01', flowTested: true }))).toEqual([]);
  });

  it('a deficiency is a warning naming the corrective action; an unchecked item is an error', () => {
    const record = allOk({ hydrantId: 'H-1', barrel: 'dry', inspectedOn: '2026-05-01', flowTested: false });
    record.answers = record.answers.map((a) => (a.itemId === 'no-leaks' ? { ...a, ok: false } : a)).filter((a) => a.itemId !== 'wrench-available');
    const findings = validateHydrantInspection(record);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'nfpa25:no-leaks', severity: 'WARNING', message: expect.stringContaining('gaskets') }),
      expect.objectContaining({ ruleId: 'nfpa25:wrench-available', severity: 'ERROR' }),
    ]);
  });
});

describe('hydrant next-due dates', () => {
  it.each([
    { name: 'annual after the last inspection', opts: { lastInspectedOn: '2025-06-10', lastFlowTestedOn: '2025-06-10', today: '2026-01-01' }, inspectionDue: '2026-06-10', reason: 'annual', flowTestDue: '2026-06-10' },
    { name: 'after use: due at once', opts: { lastInspectedOn: '2025-06-10', lastOperatedOn: '2025-09-02', lastFlowTestedOn: '2025-06-10', today: '2025-09-03' }, inspectionDue: '2025-09-02', reason: 'after-use', flowTestDue: '2026-06-10' },
    { name: 'use before the last inspection does not pull the date in', opts: { lastInspectedOn: '2025-06-10', lastOperatedOn: '2025-06-01', today: '2025-07-01' }, inspectionDue: '2026-06-10', reason: 'annual', flowTestDue: '2025-07-01' },
    { name: 'Feb 29 clamps to Feb 28', opts: { lastInspectedOn: '2024-02-29', lastFlowTestedOn: '2024-02-29', today: '2024-03-01' }, inspectionDue: '2025-02-28', reason: 'annual', flowTestDue: '2025-02-28' },
    { name: 'never inspected: due today', opts: { today: '2026-02-01' }, inspectionDue: '2026-02-01', reason: 'never-inspected', flowTestDue: '2026-02-01' },
  ])('$name', ({ opts, inspectionDue, reason, flowTestDue }) => {
    const due = computeHydrantDueDates(opts);
    expect(due.findings).toEqual([]);
    expect(due.inspectionDue).toBe(inspectionDue);
    expect(due.inspectionReason).toBe(reason);
    expect(due.flowTestDue).toBe(flowTestDue);
  });

  it('a malformed date is a finding, not a crash', () => {
    const due = computeHydrantDueDates({ lastInspectedOn: '10/06/2025', today: '2026-01-01' });
    expect(due.findings[0]).toMatchObject({ ruleId: 'nfpa25:due-date-input', path: 'lastInspectedOn' });
    expect(due.inspectionDue).toBe('2026-01-01');
  });
});
