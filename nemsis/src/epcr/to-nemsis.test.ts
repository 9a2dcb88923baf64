import { describe, expect, it } from 'vitest';
import { makePatientCareReport } from '@field/shared-model/testing';
import { childrenNamed, firstChild, type NemsisElement } from '../tree';
import { writeNemsisXml } from '../xml/write-xml';
import { validateXsd } from '../xsd/validate-xsd';
import { xmllintVerdicts } from '../xsd/xmllint-for-tests';
import { makeCompleteChart, testContext } from './test-charts';
import { toNemsisEmsDataSet } from './to-nemsis';

function find(root: NemsisElement, name: string): NemsisElement | undefined {
  for (const child of root.children) {
    if (child.name === name) return child;
    const below = find(child, name);
    if (below) return below;
  }
  return undefined;
}

/** The instances of a repeating group of the chart's export. */
function groupsOf(root: NemsisElement, section: string, group: string): NemsisElement[] {
  const found = find(root, section);
  if (!found) throw new Error(`no ${section}`);
  return childrenNamed(found, group);
}

describe('toNemsisEmsDataSet', () => {
  it('writes a complete chart that the official XSD accepts (libxml2 and our validator agree)', async () => {
    const root = toNemsisEmsDataSet(makeCompleteChart(), testContext);
    expect(validateXsd(root)).toEqual([]);
    const verdicts = await xmllintVerdicts([{ fileName: 'complete-chart.xml', contents: writeNemsisXml(root) }]);
    expect(verdicts.get('complete-chart.xml')).toBe(true);
  });

  it('puts the agency from the context into the DemographicGroup and eResponse', () => {
    const root = toNemsisEmsDataSet(makeCompleteChart(), testContext);
    const demographic = find(root, 'DemographicGroup');
    expect(demographic?.children.map((c) => [c.name, c.text])).toEqual([
      ['dAgency.01', 'WA-EMS-0412'], ['dAgency.02', 'MET-0412'], ['dAgency.04', '53'],
    ]);
    expect(find(root, 'eResponse.01')?.text).toBe('MET-0412');
    expect(find(root, 'eResponse.03')?.text).toBe('INC-2026-030100');
    expect(find(root, 'eResponse.13')?.text).toBe('unit-medic-12');
    expect(find(root, 'eResponse.14')?.text).toBe('Medic 12');
  });

  it('writes one VitalGroup per vital set, nesting blood pressure, heart rate and GCS as the XSD does', () => {
    const chart = makeCompleteChart();
    const vitals = groupsOf(toNemsisEmsDataSet(chart, testContext), 'eVitals', 'eVitals.VitalGroup');
    expect(vitals).toHaveLength(chart.vitals.length);
    const first = vitals[0];
    expect(first?.attributes.CorrelationID).toBe(chart.vitals[0]?.id);
    expect(first?.children.map((c) => c.name)).toEqual([
      'eVitals.01', 'eVitals.02', 'eVitals.CardiacRhythmGroup', 'eVitals.BloodPressureGroup', 'eVitals.HeartRateGroup',
      'eVitals.12', 'eVitals.14', 'eVitals.16', 'eVitals.18', 'eVitals.GlasgowScoreGroup',
      'eVitals.TemperatureGroup', 'eVitals.26', 'eVitals.PainScaleGroup', 'eVitals.StrokeScaleGroup', 'eVitals.31',
    ]);
    const bp = first && firstChild(first, 'eVitals.BloodPressureGroup');
    expect(bp?.children.map((c) => [c.name, c.text])).toEqual([['eVitals.06', '168'], ['eVitals.07', '98'], ['eVitals.08', '3308005']]);
  });

  it('writes dateTimes with the agency offset, daylight saving included', () => {
    const chart = makeCompleteChart();
    const summer = { ...chart, times: { ...chart.times, unitNotified: '2026-07-04T18:30:00.000Z' } };
    const winter = { ...chart, times: { ...chart.times, unitNotified: '2026-11-23T18:30:05.250Z' } };
    expect(find(toNemsisEmsDataSet(summer, testContext), 'eTimes.03')?.text).toBe('2026-07-04T11:30:00-07:00');
    expect(find(toNemsisEmsDataSet(winter, testContext), 'eTimes.03')?.text).toBe('2026-11-23T10:30:05.250-08:00');
    expect(find(toNemsisEmsDataSet(winter, { ...testContext, timeZone: undefined }), 'eTimes.03')?.text).toBe('2026-11-23T18:30:05.250+00:00');
  });

  it('writes missing required elements of a blank draft as Not Recorded and leaves out Mandatory ones', () => {
    const root = toNemsisEmsDataSet(makePatientCareReport({ seed: 2 }), testContext);
    expect(find(root, 'eTimes.05')?.attributes).toEqual({ 'xsi:nil': 'true', NV: '7701003' });
    expect(find(root, 'ePatient.15')?.attributes).toEqual({ 'xsi:nil': 'true', NV: '7701003' });
    const medication = find(root, 'eMedications.MedicationGroup');
    expect(medication?.children.every((c) => c.children.length > 0 || c.attributes.NV === '7701003')).toBe(true);
    expect(find(root, 'eTimes.13')).toBeUndefined();
    expect(find(root, 'eDisposition.27')).toBeUndefined();
  });

  it('codes signatures by signer type and reason and keeps the attachment hash as the file name', () => {
    const chart = makeCompleteChart();
    const groups = groupsOf(toNemsisEmsDataSet(chart, testContext), 'eOther', 'eOther.SignatureGroup');
    expect(groups.map((g) => [firstChild(g, 'eOther.12')?.text, firstChild(g, 'eOther.13')?.text])).toEqual([
      ['4512015', '4513003'], ['4512005', '4513007'],
    ]);
    expect(groups.map((g) => [firstChild(g, 'eOther.21')?.text, firstChild(g, 'eOther.20')?.text])).toEqual([
      ['James', 'Okafor'], ['RN Priya', 'Natarajan'],
    ]);
    expect(groups.map((g) => firstChild(g, 'eOther.16')?.text)).toEqual(chart.signatures.map((s) => s.attachmentSha256));
  });

  it('fills the signature graphic when the attachment bytes are available', () => {
    const chart = makeCompleteChart();
    const root = toNemsisEmsDataSet(chart, { ...testContext, attachmentData: (sha) => (sha === chart.signatures[0]?.attachmentSha256 ? 'iVBORw0KGgo=' : undefined) });
    expect(find(root, 'eOther.18')?.text).toBe('iVBORw0KGgo=');
    expect(validateXsd(root)).toEqual([]);
  });
});
