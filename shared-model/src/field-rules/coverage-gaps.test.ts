import { describe, expect, it } from 'vitest';
import { projectFlowToResidual } from './hydrant-flow';
import { checklistFor, validateHydrantInspection } from './hydrant-inspection';
import { makeDuty, makeLeg } from './part135/test-helpers';
import type { PilotLog } from './part135/types';
import { validatePilotLog } from './part135/validate-pilot-log';

describe('remaining rules, one failing and one passing case each', () => {
  it('nfpa291:observed-flow', () => {
    expect(projectFlowToResidual({ observedFlowGpm: -1, staticPsi: 60, residualPsi: 40 }).findings[0]?.ruleId).toBe('nfpa291:observed-flow');
    expect(projectFlowToResidual({ observedFlowGpm: 0, staticPsi: 60, residualPsi: 40 })).toEqual({ flowGpm: 0, findings: [] });
  });

  it('nfpa25:inspection-date', () => {
    const answers = checklistFor('wet', false).map((i) => ({ itemId: i.id, ok: true }));
    expect(validateHydrantInspection({ hydrantId: 'H', barrel: 'wet', inspectedOn: '2026-02-30', flowTested: false, answers })[0]?.ruleId).toBe('nfpa25:inspection-date');
    expect(validateHydrantInspection({ hydrantId: 'H', barrel: 'wet', inspectedOn: '2026-02-28', flowTested: false, answers })).toEqual([]);
  });

  it('part135:duty-overlap', () => {
    const overlapping: PilotLog = { pilotId: 'p', dutyPeriods: [makeDuty('a', '2026-05-04T06:00:00Z', 8), makeDuty('b', '2026-05-04T13:00:00Z', 4)], legs: [] };
    expect(validatePilotLog(overlapping, { now: '2026-05-10T00:00:00Z' }).map((f) => f.ruleId)).toContain('part135:duty-overlap');
    const apart: PilotLog = { pilotId: 'p', dutyPeriods: [makeDuty('a', '2026-05-04T06:00:00Z', 8), makeDuty('b', '2026-05-05T06:00:00Z', 4)], legs: [] };
    expect(validatePilotLog(apart, { now: '2026-05-10T00:00:00Z' })).toEqual([]);
  });

  it('part135:time-range (implausible years, legs over 24 h)', () => {
    const log: PilotLog = {
      pilotId: 'p',
      dutyPeriods: [makeDuty('old', '1969-12-31T00:00:00Z', 4), makeDuty('d', '2026-05-04T00:00:00Z', 14)],
      legs: [makeLeg('long', '2026-05-04T00:00:00Z', 25), makeLeg('ok', '2026-05-04T01:00:00Z', 2)],
    };
    const ids = validatePilotLog(log, { now: '2026-05-10T00:00:00Z' }).map((f) => `${f.ruleId} ${f.path}`);
    expect(ids).toEqual(['part135:time-range legs[0]', 'part135:time-range dutyPeriods[0]']);
  });

  it('cfr:135.271(g): 13 rest periods per quarter in HEMS mode', () => {
    const duties = (daysOff: number) => {
      const off = Array.from({ length: daysOff }, (_, i) => 5 + i * 7);
      const out = [];
      for (let day = 1; day <= 90; day++) if (!off.includes(day)) out.push(makeDuty(`d${day}`, new Date(Date.UTC(2026, 0, day, 8)).toISOString(), 10));
      return out;
    };
    const run = (n: number) => validatePilotLog({ pilotId: 'p', dutyPeriods: duties(n), legs: [] }, { now: '2026-04-10T00:00:00Z', mode: '135.271' }).map((f) => f.ruleId);
    expect(run(12)).toEqual(['cfr:135.271(g)']);
    expect(run(13)).toEqual([]);
  });
});
