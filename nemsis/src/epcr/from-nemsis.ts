/**
 * NEMSIS EMSDataSet -> ePCR charts (import from another vendor's XML; parse it with parseNemsisXml
 * first). Every element the field map knows is read back into its field; Not Values, pertinent
 * negatives and elements the ePCR does not hold are not imported, and one WARNING per chart says
 * which elements were left behind.
 */
import type { Finding, PatientCareReport, Signature } from '@field/shared-model';
import { childrenNamed, firstChild, type NemsisElement } from '../tree';
import { fromAnsiStateCode, NO, signatureKindFor, YES } from './codes';
import { parseNemsisDateTime } from './date-time';
import { arrayByGroup, chartFields, groupMappings, otherGroupFields, type FieldMapping } from './field-map';

export interface FromNemsisEmsDataSetOptions {
  /** Tenant of the imported charts (default: the file's dAgency.02 EMS Agency Number). */
  agencyId?: string;
  /** ISO time stamped as updatedAt/editedAt (default: the wall clock). */
  now?: string;
  /** Author when the file has no eOther.08 Crew Member Completing this Report. */
  createdBy?: string;
}

export interface ImportedPatientCareReports {
  reports: PatientCareReport[];
  /** WARNINGs about content that was not imported (and ERRORs when the file holds no chart at all). */
  findings: Finding[];
}

/** Elements read into the export context rather than the chart, or that only carry signatures' bookkeeping. */
const knownElsewhere = new Set([
  'eRecord.02', 'eRecord.03', 'eRecord.04', 'eResponse.01', 'eOther.13', 'eOther.15', 'eOther.17', 'eOther.18', 'eOther.21',
]);

type Leaves = Map<string, NemsisElement[]>;

/** Leaf elements below `element` by name, and the mapped repeating groups (not descended into). */
function indexLeaves(element: NemsisElement, leaves: Leaves, groups: NemsisElement[]): void {
  for (const child of element.children) {
    if (arrayByGroup.has(child.name)) groups.push(child);
    else if (child.children.length > 0) indexLeaves(child, leaves, groups);
    else leaves.set(child.name, [...(leaves.get(child.name) ?? []), child]);
  }
}

function hasValue(e: NemsisElement): boolean {
  return e.attributes['xsi:nil'] !== 'true' && (e.text ?? '').trim() !== '';
}

interface ReadProblem {
  element: string;
  text: string;
  /** ePCR field path the value was meant for. */
  field: string;
}

function fromText(kind: FieldMapping['kind'], text: string): unknown {
  const t = text.trim();
  switch (kind) {
    case 'dateTime': return parseNemsisDateTime(t);
    case 'date': return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
    case 'integer': return /^[+-]?\d+$/.test(t) ? Number(t) : undefined;
    case 'decimal': return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : undefined;
    case 'flag': return t === YES ? true : t === NO ? false : undefined;
    case 'state': return fromAnsiStateCode(t);
    case 'text': case 'code': case 'codes': case 'texts': case 'phone': case 'gnis': case 'caregiverLevel':
      return t;
  }
}

/** The field's value from the indexed leaves; undefined when absent or Not Recorded. */
function readField(leaves: Leaves, mapping: FieldMapping, problems: ReadProblem[], field = mapping.field): unknown {
  const present = (leaves.get(mapping.element) ?? []).filter(hasValue);
  const values = present.flatMap((e) => {
    const value = fromText(mapping.kind, e.text ?? '');
    if (value === undefined) problems.push({ element: mapping.element, text: e.text ?? '', field });
    return value === undefined ? [] : [value];
  });
  if (mapping.kind === 'codes' || mapping.kind === 'texts') return values.length > 0 ? values : undefined;
  return values[0];
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] ?? path] = value;
}

function leafText(leaves: Leaves, name: string): string | undefined {
  const e = leaves.get(name)?.find(hasValue);
  return e?.text?.trim();
}

function itemId(group: NemsisElement, fallback: string): string {
  const id = group.attributes.CorrelationID?.trim() ?? '';
  return id.length >= 1 && id.length <= 64 ? id : fallback;
}

interface ChartImport {
  chart: PatientCareReport;
  findings: Finding[];
}

/** One repeating group's items; groups without their required time (Not Recorded placeholders) are skipped. */
function readGroupItems(
  groups: readonly NemsisElement[], chartId: string, problems: ReadProblem[], findings: Finding[], leftBehind: Leaves,
): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = { crew: [], vitals: [], medications: [], procedures: [] };
  for (const mapping of groupMappings) {
    const instances = groups.filter((g) => g.name === mapping.group);
    instances.forEach((group, i) => {
      const leaves: Leaves = new Map();
      indexLeaves(group, leaves, []);
      const id = itemId(group, `${chartId}-${mapping.array}-${i + 1}`);
      const item: Record<string, unknown> = mapping.array === 'crew' ? {} : { id };
      for (const f of mapping.fields) {
        const value = readField(leaves, f, problems, `${mapping.array}[id=${id}].${f.field}`);
        if (value !== undefined) item[f.field] = value;
      }
      const known = new Set(mapping.fields.map((f) => f.element));
      for (const [name, elements] of leaves) if (!known.has(name)) leftBehind.set(name, [...(leftBehind.get(name) ?? []), ...elements]);
      const required = mapping.fields[0]?.field ?? 'id';
      const recorded = [...leaves.values()].flat().filter(hasValue).length;
      if (item[required] === undefined) {
        if (recorded > 0) {
          findings.push({ ruleId: 'epcr-import:item-without-time', severity: 'WARNING', path: mapping.array,
            message: `${mapping.group} ${i + 1} was not imported: its ${mapping.fields[0]?.element ?? ''} is not recorded (${recorded} values left behind).` });
        }
        return;
      }
      if (mapping.array === 'crew') Object.assign(item, { name: item.id, role: item.role ?? '' });
      out[mapping.array]?.push(item);
    });
  }
  return out;
}

function readSignatures(groups: readonly NemsisElement[], findings: Finding[]): Signature[] {
  const signatures: Signature[] = [];
  groups.filter((g) => g.name === otherGroupFields.signatures.group).forEach((group, i) => {
    const leaves: Leaves = new Map();
    indexLeaves(group, leaves, []);
    const sha = leafText(leaves, 'eOther.16')?.toLowerCase();
    const signedAt = parseNemsisDateTime(leafText(leaves, 'eOther.19') ?? '');
    const name = [leafText(leaves, 'eOther.21'), leafText(leaves, 'eOther.20')].filter(Boolean).join(' ');
    if (sha === undefined || !/^[a-f0-9]{64}$/.test(sha) || signedAt === undefined || name === '') {
      findings.push({ ruleId: 'epcr-import:signature', severity: 'WARNING', path: 'signatures',
        message: `eOther.SignatureGroup ${i + 1} was not imported: a signature needs its graphic stored as an attachment (eOther.16 holding its SHA-256), a time (eOther.19) and a name.` });
      return;
    }
    const reasons = (leaves.get('eOther.13') ?? []).filter(hasValue).map((e) => e.text?.trim() ?? '');
    signatures.push({ id: itemId(group, `signature-${i + 1}`), kind: signatureKindFor(leafText(leaves, 'eOther.12'), reasons),
      signerName: name, signedAt, attachmentSha256: sha });
  });
  const files = groups.filter((g) => g.name === otherGroupFields.photos.group).length;
  if (files > 0) {
    findings.push({ ruleId: 'epcr-import:files', severity: 'WARNING', path: 'photos',
      message: `${files} eOther.FileGroup attachment(s) were not imported: photos are stored as content-addressed attachments, uploaded separately.` });
  }
  return signatures;
}

function importChart(pcr: NemsisElement, header: NemsisElement, options: FromNemsisEmsDataSetOptions, index: number): ChartImport {
  const leaves: Leaves = new Map();
  const groups: NemsisElement[] = [];
  indexLeaves(pcr, leaves, groups);
  const findings: Finding[] = [];
  const problems: ReadProblem[] = [];
  const now = options.now ?? new Date().toISOString();
  const chartId = leafText(leaves, 'eRecord.01') ?? pcr.attributes.UUID ?? `imported-${index + 1}`;
  const agencyLeaves: Leaves = new Map();
  const demographic = firstChild(header, 'DemographicGroup');
  if (demographic) indexLeaves(demographic, agencyLeaves, []);

  const chart: Record<string, unknown> = {
    agencyId: options.agencyId ?? leafText(agencyLeaves, 'dAgency.02') ?? 'unknown', updatedAt: now, editedAt: now,
    createdBy: options.createdBy ?? 'nemsis-import', unitId: 'unknown', status: 'in_progress',
    times: {}, patient: {}, situation: {}, disposition: {}, photos: [], addenda: [], findings: [],
  };
  const mapped = new Set([...chartFields.map((f) => f.element), ...knownElsewhere]);
  for (const mapping of chartFields) {
    const value = readField(leaves, mapping, problems);
    if (value !== undefined) setAt(chart, mapping.field, value);
  }
  chart.id = chart.id ?? chartId;
  const leftBehind: Leaves = new Map([...leaves].filter(([name]) => !mapped.has(name)));
  Object.assign(chart, readGroupItems(groups, String(chart.id), problems, findings, leftBehind));
  chart.signatures = readSignatures(groups, findings);

  for (const p of problems) {
    findings.push({ ruleId: 'epcr-import:value', severity: 'WARNING', path: p.field,
      message: `${p.element} value "${p.text.slice(0, 60)}" does not fit the ePCR field and was not imported.` });
  }
  const counts = new Map([...leftBehind].map(([name, elements]) => [name, elements.filter(hasValue).length] as const)
    .filter(([, count]) => count > 0));
  if (counts.size > 0) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const names = [...counts.keys()].sort();
    findings.push({ ruleId: 'epcr-import:not-imported', severity: 'WARNING', path: `/${pcr.name}[${index + 1}]`,
      message: `Chart ${String(chart.id)}: ${total} value(s) of ${names.length} element(s) the ePCR does not hold were not imported: ${names.slice(0, 40).join(', ')}${names.length > 40 ? ', …' : ''}.` });
  }
  return { chart: chart as unknown as PatientCareReport, findings };
}

/** The charts of an EMSDataSet (every PatientCareReport of every Header) and what could not be imported. */
export function fromNemsisEmsDataSet(root: NemsisElement, options: FromNemsisEmsDataSetOptions = {}): ImportedPatientCareReports {
  if (root.name !== 'EMSDataSet') {
    return { reports: [], findings: [{ ruleId: 'epcr-import:root', severity: 'ERROR', path: `/${root.name}`,
      message: `Expected an EMSDataSet document, got ${root.name}.` }] };
  }
  const reports: PatientCareReport[] = [];
  const findings: Finding[] = [];
  let index = 0;
  for (const header of childrenNamed(root, 'Header')) {
    for (const pcr of childrenNamed(header, 'PatientCareReport')) {
      const result = importChart(pcr, header, options, index++);
      reports.push(result.chart);
      findings.push(...result.findings);
    }
  }
  if (reports.length === 0) {
    findings.push({ ruleId: 'epcr-import:empty', severity: 'ERROR', path: '/EMSDataSet', message: 'The EMSDataSet holds no PatientCareReport.' });
  }
  return { reports, findings };
}
