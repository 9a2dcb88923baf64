/**
 * ePCR -> NEMSIS v3.5.1 EMSDataSet. Every mapped field (field-map.ts) becomes its element; the
 * generated model orders the elements and fills required ones the chart lacks with Not Recorded, so
 * the result is XSD-valid whenever the chart is complete and the national rules see the gaps.
 */
import type { PatientCareReport } from '@field/shared-model';
import { makeElement, makeLeaf, type NemsisElement } from '../tree';
import { buildContainer, type ContainerSource } from './build-container';
import { describeCode } from '../xsd/schema';
import { NO, signatureCodes, splitSignerName, toAnsiStateCode, toNemsisPhone, toUuid, YES } from './codes';
import { formatNemsisDateTime } from './date-time';
import { defaultSoftware, type EpcrExportContext } from './export-context';
import { chartFields, groupMappings, otherGroupFields, type FieldMapping } from './field-map';

/** Extra attributes some elements need whenever they carry a value. */
const valueAttributes: Record<string, Record<string, string>> = {
  'eMedications.03': { CodeType: '9924003' },
};

const caregiverLevelByLabel = new Map<string, string>();

/**
 * eMedications.10 / eProcedures.10 take EMS caregiver codes (99050xx); a crew member's level
 * (eCrew.02, 99250xx) with the same label is translated, anything else is written as typed.
 */
function toCaregiverLevel(code: string): string {
  if (describeCode('eMedications.10', code) !== undefined) return code;
  const label = describeCode('eCrew.02', code);
  if (label === undefined) return code;
  if (caregiverLevelByLabel.size === 0) {
    for (let n = 9905001; n <= 9905099; n++) {
      const l = describeCode('eMedications.10', String(n));
      if (l !== undefined) caregiverLevelByLabel.set(l, String(n));
    }
  }
  return caregiverLevelByLabel.get(label) ?? code;
}

/** A field's value at a dotted path. */
export function valueAt(source: unknown, path: string): unknown {
  let value = source;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A single value as element text; values that cannot be converted are written as typed, for the XSD to report. */
function textOf(kind: FieldMapping['kind'], value: unknown, timeZone: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return kind === 'flag' ? (value ? YES : NO) : String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'dateTime': return formatNemsisDateTime(text, timeZone) ?? text;
    case 'state': return toAnsiStateCode(text) ?? text;
    case 'phone': return toNemsisPhone(text) ?? text;
    case 'caregiverLevel': return toCaregiverLevel(text);
    case 'text': case 'code': case 'codes': case 'texts': case 'date': case 'integer': case 'decimal':
    case 'flag': case 'gnis':
      return text;
  }
}

function addLeaves(leaves: Map<string, NemsisElement[]>, mapping: FieldMapping, value: unknown, timeZone: string): void {
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  const attributes = valueAttributes[mapping.element];
  let built = leaves.get(mapping.element);
  for (const v of values) {
    const text = textOf(mapping.kind, v, timeZone);
    if (text === undefined) continue;
    built ??= [];
    built.push(makeLeaf(mapping.element, text, attributes ? { ...attributes } : {}));
  }
  if (built && built.length > 0) leaves.set(mapping.element, built);
}

function set(leaves: Map<string, NemsisElement[]>, element: string, text: string | undefined): void {
  if (text !== undefined && text.trim() !== '') leaves.set(element, [makeLeaf(element, text.trim())]);
}

/** The CorrelationID attribute carrying an item id (the type needs 2-255 characters). */
function correlation(id: string): Record<string, string> {
  return id.length >= 2 && id.length <= 255 ? { CorrelationID: id } : {};
}

function signatureGroups(report: PatientCareReport, context: EpcrExportContext, timeZone: string): NemsisElement[] {
  return report.signatures.map((s) => {
    const leaves = new Map<string, NemsisElement[]>();
    const codes = signatureCodes[s.kind];
    const name = splitSignerName(s.signerName);
    set(leaves, 'eOther.12', codes.signer);
    set(leaves, 'eOther.13', codes.reason);
    set(leaves, 'eOther.15', '4515031');
    set(leaves, 'eOther.16', s.attachmentSha256);
    set(leaves, 'eOther.18', context.attachmentData?.(s.attachmentSha256));
    set(leaves, 'eOther.19', formatNemsisDateTime(s.signedAt, timeZone));
    set(leaves, 'eOther.20', name.last);
    set(leaves, 'eOther.21', name.first);
    return buildContainer(otherGroupFields.signatures.group, { leaves, groups: new Map() }, correlation(s.id));
  });
}

function photoGroups(report: PatientCareReport, context: EpcrExportContext): NemsisElement[] {
  return report.photos.map((p) => {
    const leaves = new Map<string, NemsisElement[]>();
    set(leaves, 'eOther.10', p.contentType);
    set(leaves, 'eOther.11', context.attachmentData?.(p.attachmentSha256));
    set(leaves, 'eOther.22', p.caption);
    return buildContainer(otherGroupFields.photos.group, { leaves, groups: new Map() }, correlation(p.id));
  });
}

function contextLeaves(report: PatientCareReport, context: EpcrExportContext, leaves: Map<string, NemsisElement[]>): void {
  const software = context.software ?? defaultSoftware;
  set(leaves, 'eRecord.02', software.creator);
  set(leaves, 'eRecord.03', software.name);
  set(leaves, 'eRecord.04', software.version);
  set(leaves, 'eResponse.01', context.agency.number);
  set(leaves, 'eResponse.02', context.agency.name);
  set(leaves, 'eResponse.03', context.incident?.number);
  set(leaves, 'eResponse.04', context.incident?.responseNumber);
  set(leaves, 'eResponse.05', context.incident?.typeOfService);
  set(leaves, 'eResponse.07', context.unit?.transportCapability);
  set(leaves, 'eResponse.14', context.unit?.callSign ?? report.unitId);
  set(leaves, 'eResponse.23', context.incident?.responseMode);
  set(leaves, 'eDispatch.01', context.incident?.dispatchReason);
  set(leaves, 'eDispatch.02', context.incident?.emdPerformed);
}

/** The PatientCareReport element of one chart. */
export function toNemsisPatientCareReport(report: PatientCareReport, context: EpcrExportContext): NemsisElement {
  const timeZone = context.timeZone ?? 'UTC';
  const leaves = new Map<string, NemsisElement[]>();
  contextLeaves(report, context, leaves);
  for (const mapping of chartFields) addLeaves(leaves, mapping, valueAt(report, mapping.field), timeZone);

  const groups = new Map<string, NemsisElement[]>();
  for (const g of groupMappings) {
    const items = report[g.array] as readonly ({ id: string } & Record<string, unknown>)[];
    groups.set(g.group, items.map((item) => {
      const itemLeaves = new Map<string, NemsisElement[]>();
      for (const f of g.fields) addLeaves(itemLeaves, f, item[f.field], timeZone);
      const source: ContainerSource = { leaves: itemLeaves, groups: new Map() };
      return buildContainer(g.group, source, g.array === 'crew' ? {} : correlation(item.id));
    }));
  }
  groups.set(otherGroupFields.signatures.group, signatureGroups(report, context, timeZone));
  groups.set(otherGroupFields.photos.group, photoGroups(report, context));
  return buildContainer('PatientCareReport', { leaves, groups }, { UUID: toUuid(report.id) });
}

/**
 * A whole EMSDataSet (Header, DemographicGroup from the context, one PatientCareReport) for a chart.
 * Write it with `writeNemsisXml`; validate it with `validateEmsDataSet`.
 */
export function toNemsisEmsDataSet(report: PatientCareReport, context: EpcrExportContext): NemsisElement {
  const demographic = makeElement('DemographicGroup', [
    makeLeaf('dAgency.01', context.agency.stateId),
    makeLeaf('dAgency.02', context.agency.number),
    makeLeaf('dAgency.04', toAnsiStateCode(context.agency.state) ?? context.agency.state),
  ]);
  const header = makeElement('Header', [demographic, toNemsisPatientCareReport(report, context)]);
  return makeElement('EMSDataSet', [header]);
}
