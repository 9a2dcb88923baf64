import { describe, expect, it } from 'vitest';
import { computeNextFireInspectionDue, isFireInspectionOverdue, startReinspection, validateFireInspection, type FireInspection } from './fire-inspection';

const inspection = (overrides: Partial<FireInspection> = {}): FireInspection => ({
  id: 'I-1',
  occupancyId: 'OCC-9',
  risk: 'moderate',
  inspectedOn: '2026-03-02',
  reinspection: false,
  violations: [
    { id: 'V-1', codeReference: 'IFC 906.1', description: 'Extinguisher missing', status: 'open', foundOn: '2026-03-02', correctionDeadline: '2026-04-01' },
    { id: 'V-2', codeReference: 'IFC 1031.2', description: 'Exit blocked', status: 'corrected', foundOn: '2026-03-02', correctionDeadline: '2026-03-03', correctedOn: '2026-03-02' },
  ],
  ...overrides,
});

describe('NFPA 1730 inspection cycles', () => {
  it.each([
    { risk: 'high', last: '2026-03-02', due: '2027-03-02' },
    { risk: 'moderate', last: '2026-03-02', due: '2028-03-02' },
    { risk: 'low', last: '2026-03-02', due: '2029-03-02' },
    { risk: 'high', last: '2024-02-29', due: '2025-02-28' },
    { risk: 'low', last: '2024-02-29', due: '2027-02-28' },
    { risk: 'moderate', last: '2026-01-31', due: '2028-01-31' },
  ] as const)('$risk risk inspected $last → due $due', ({ risk, last, due }) => {
    expect(computeNextFireInspectionDue({ risk, lastInspectedOn: last })).toEqual({ dueOn: due, findings: [] });
  });

  it('overdue only after the due date', () => {
    expect(isFireInspectionOverdue({ risk: 'high', lastInspectedOn: '2025-03-02', today: '2026-03-02' })).toBe(false);
    expect(isFireInspectionOverdue({ risk: 'high', lastInspectedOn: '2025-03-02', today: '2026-03-03' })).toBe(true);
  });

  it('a bad date is a finding', () => {
    expect(computeNextFireInspectionDue({ risk: 'low', lastInspectedOn: 'yesterday' }).findings[0]?.ruleId).toBe('nfpa1730:inspection-date');
  });
});

describe('re-inspection carries open violations forward', () => {
  it('keeps open violations with their deadlines and drops corrected ones', () => {
    const next = startReinspection(inspection(), { id: 'I-2', inspectedOn: '2026-04-10' });
    expect(next).toMatchObject({ id: 'I-2', reinspection: true, previousInspectionId: 'I-1', occupancyId: 'OCC-9', risk: 'moderate' });
    expect(next.violations).toEqual([
      expect.objectContaining({ id: 'V-1', correctionDeadline: '2026-04-01', carriedFromInspectionId: 'I-1', status: 'open' }),
    ]);
  });

  it('keeps the original source inspection through several re-inspections', () => {
    const second = startReinspection(startReinspection(inspection(), { id: 'I-2', inspectedOn: '2026-04-10' }), { id: 'I-3', inspectedOn: '2026-05-10' });
    expect(second.violations[0]?.carriedFromInspectionId).toBe('I-1');
  });

  it('warns when a carried violation is past its deadline', () => {
    const next = startReinspection(inspection(), { id: 'I-2', inspectedOn: '2026-04-10' });
    expect(validateFireInspection(next)).toEqual([expect.objectContaining({ ruleId: 'nfpa1730:violation-overdue', severity: 'WARNING' })]);
    const early = startReinspection(inspection(), { id: 'I-2', inspectedOn: '2026-03-20' });
    expect(validateFireInspection(early)).toEqual([]);
  });
});

describe('validateFireInspection', () => {
  it('passes a clean inspection', () => {
    expect(validateFireInspection(inspection())).toEqual([]);
  });

  it('flags corrected-without-date, deadline before found, and an unlinked re-inspection', () => {
    const bad = inspection({
      reinspection: true,
      violations: [
        { id: 'V-3', codeReference: 'NFPA 1 10.12', description: 'x', status: 'corrected', foundOn: '2026-03-02', correctionDeadline: '2026-03-01' },
      ],
    });
    expect(validateFireInspection(bad).map((f) => f.ruleId).sort()).toEqual([
      'nfpa1730:reinspection-link',
      'nfpa1730:violation-corrected-date',
      'nfpa1730:violation-dates',
    ]);
  });
});
