import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHydrant, computeOutletFlow, evaluateHydrantFlowTest, projectFlowToResidual } from './hydrant-flow';

describe('NFPA 291 outlet flow Q = 29.83 · c · d² · √p', () => {
  it.each([
    { d: 2.5, c: 0.9, p: 16, q: 671.175 },
    { d: 2.5, c: 0.8, p: 25, q: 745.75 },
    { d: 4.5, c: 0.9, p: 9, q: 1630.955 },
    { d: 2.5, c: 0.7, p: 10, q: 412.697 },
    { d: 2.5, c: 0.9, p: 0, q: 0 },
  ])('d=$d in, c=$c, p=$p psi → $q gpm', ({ d, c, p, q }) => {
    const r = computeOutletFlow({ outletDiameterIn: d, coefficient: c, pitotPsi: p });
    expect(r.findings).toEqual([]);
    expect(r.flowGpm).toBeCloseTo(q, 2);
  });

  it.each([
    { reading: { outletDiameterIn: 2.5, coefficient: 0.9, pitotPsi: -1 }, ruleId: 'nfpa291:negative-pressure' },
    { reading: { outletDiameterIn: 0, coefficient: 0.9, pitotPsi: 10 }, ruleId: 'nfpa291:outlet-diameter' },
    { reading: { outletDiameterIn: 2.5, coefficient: 0.85, pitotPsi: 10 }, ruleId: 'nfpa291:outlet-coefficient' },
    { reading: { outletDiameterIn: 2.5, coefficient: 0.9, pitotPsi: Number.NaN }, ruleId: 'nfpa291:negative-pressure' },
  ])('refuses bad input with $ruleId and no number', ({ reading, ruleId }) => {
    const r = computeOutletFlow(reading);
    expect(r.flowGpm).toBeUndefined();
    expect(r.findings.map((f) => f.ruleId)).toContain(ruleId);
  });
});

describe('projection to 20 psi residual Q_R = Q_F × ((S − 20)/(S − R))^0.54', () => {
  it.each([
    { s: 80, r: 60, q: 1000, expected: 1809.86 },
    { s: 70, r: 50, q: 1000, expected: 1640.17 },
    { s: 60, r: 40, q: 800, expected: 1163.18 },
    { s: 100, r: 90, q: 500, expected: 1536.88 },
    { s: 50, r: 20, q: 900, expected: 900 },
    { s: 65, r: 30, q: 1200, expected: 1374.42 },
  ])('S=$s R=$r Q_F=$q → $expected gpm', ({ s, r, q, expected }) => {
    const p = projectFlowToResidual({ observedFlowGpm: q, staticPsi: s, residualPsi: r });
    expect(p.findings).toEqual([]);
    expect(p.flowGpm).toBeCloseTo(expected, 1);
  });

  it('static below residual is a finding, not a number', () => {
    const p = projectFlowToResidual({ observedFlowGpm: 1000, staticPsi: 40, residualPsi: 55 });
    expect(p.flowGpm).toBeUndefined();
    expect(p.findings).toEqual([expect.objectContaining({ ruleId: 'nfpa291:static-below-residual', severity: 'ERROR' })]);
  });

  it('static equal to residual is refused too (division by zero)', () => {
    const p = projectFlowToResidual({ observedFlowGpm: 1000, staticPsi: 50, residualPsi: 50 });
    expect(p.findings[0]?.ruleId).toBe('nfpa291:static-below-residual');
  });

  it('static at or below 20 psi leaves no flow at 20 psi', () => {
    const p = projectFlowToResidual({ observedFlowGpm: 300, staticPsi: 18, residualPsi: 10 });
    expect(p.findings[0]?.ruleId).toBe('nfpa291:static-at-or-below-rated-residual');
  });

  it('missing or negative pressures give findings', () => {
    const p = projectFlowToResidual({ observedFlowGpm: 300, staticPsi: undefined, residualPsi: -3 });
    expect(p.flowGpm).toBeUndefined();
    expect(p.findings.map((f) => f.path)).toEqual(['staticPsi', 'residualPsi']);
  });

  it('property: finite for any finite input; R = 20 is the identity; R > 20 never lowers the flow', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 200, noNaN: true }),
        fc.double({ min: -50, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (s, r, q) => {
          const p = projectFlowToResidual({ observedFlowGpm: q, staticPsi: s, residualPsi: r });
          if (p.flowGpm === undefined) return p.findings.length > 0;
          if (!Number.isFinite(p.flowGpm)) return false;
          if (r === 20) return Math.abs(p.flowGpm - q) < 1e-9 * Math.max(1, q);
          if (r > 20) return p.flowGpm >= q - 1e-9;
          return p.flowGpm <= q + 1e-9;
        },
      ),
    );
  });
});

describe('NFPA 291 classes and cap colours', () => {
  it.each([
    { q: 2500, cls: 'AA', color: 'light-blue' },
    { q: 1500, cls: 'AA', color: 'light-blue' },
    { q: 1499.9, cls: 'A', color: 'green' },
    { q: 1000, cls: 'A', color: 'green' },
    { q: 999.9, cls: 'B', color: 'orange' },
    { q: 500, cls: 'B', color: 'orange' },
    { q: 499.9, cls: 'C', color: 'red' },
    { q: 0, cls: 'C', color: 'red' },
  ])('$q gpm → class $cls, $color', ({ q, cls, color }) => {
    expect(classifyHydrant(q)).toEqual({ nfpaClass: cls, capColor: color });
  });
});

describe('evaluateHydrantFlowTest', () => {
  it('sums outlets, projects and classifies', () => {
    const r = evaluateHydrantFlowTest({
      staticPsi: 70,
      residualPsi: 50,
      outlets: [
        { outletDiameterIn: 2.5, coefficient: 0.9, pitotPsi: 16 },
        { outletDiameterIn: 2.5, coefficient: 0.9, pitotPsi: 16 },
      ],
    });
    expect(r.findings).toEqual([]);
    expect(r.observedFlowGpm).toBeCloseTo(1342.35, 2);
    expect(r.flowAt20PsiGpm).toBeCloseTo(1342.35 * 1.6401652, 0);
    expect(r.nfpaClass).toBe('AA');
    expect(r.capColor).toBe('light-blue');
  });

  it('a test with no readings or a bad gauge gives findings and no class', () => {
    expect(evaluateHydrantFlowTest({ staticPsi: 70, residualPsi: 50, outlets: [] }).findings[0]?.ruleId).toBe('nfpa291:missing-reading');
    const bad = evaluateHydrantFlowTest({ staticPsi: 40, residualPsi: 60, outlets: [{ outletDiameterIn: 2.5, coefficient: 0.9, pitotPsi: 16 }] });
    expect(bad.nfpaClass).toBeUndefined();
    expect(bad.findings.map((f) => f.ruleId)).toContain('nfpa291:static-below-residual');
  });
});
