/**
 * Rewrites a NEMSIS finding location (`/EMSDataSet[1]/Header[1]/PatientCareReport[1]/eVitals[1]/
 * eVitals.VitalGroup[2]/eVitals.BloodPressureGroup[1]/eVitals.06[1]`) into the ePCR field it is
 * about (`vitals[id=<id of the second vital>].systolic`), so the app can jump to the field.
 */
import type { Finding, PatientCareReport } from '@field/shared-model';
import { getElementDefinition } from '../xsd/schema';
import { arrayByGroup, epcrFieldForElement } from './field-map';

interface Segment {
  name: string;
  index: number;
}

function parseLocation(path: string): Segment[] {
  return path.split('/').filter((s) => s !== '').map((s) => {
    const match = /^([^[]+)(?:\[(\d+)\])?$/.exec(s);
    return { name: match?.[1] ?? s, index: Number(match?.[2] ?? 1) };
  });
}

const ELEMENT_ID = /\b((?:e|d)[A-Z][A-Za-z]+\.\d{2})\b/;

/** The element a finding is about: the last path segment, or the element a "missing child" message names. */
function subjectElement(segments: readonly Segment[], message: string): string | undefined {
  const last = segments[segments.length - 1]?.name;
  if (last !== undefined && epcrFieldForElement(last) !== undefined) return last;
  const named = ELEMENT_ID.exec(message)?.[1];
  if (named !== undefined && (last === undefined || getElementDefinition(last)?.content !== undefined)) return named;
  return last;
}

/** The ePCR field path of a NEMSIS location in the chart's export, or undefined when the ePCR does not hold it. */
export function epcrPathForLocation(report: PatientCareReport, location: string, message = ''): string | undefined {
  const segments = parseLocation(location);
  const element = subjectElement(segments, message);
  if (element === undefined) return undefined;
  const field = epcrFieldForElement(element);
  if (field === undefined) return undefined;
  const bracket = field.indexOf('[].');
  if (bracket < 0) return field;
  const array = field.slice(0, bracket) as 'crew' | 'vitals' | 'medications' | 'procedures' | 'signatures' | 'photos';
  const rest = field.slice(bracket + 3);
  const group = segments.find((s) => arrayByGroup.get(s.name) === array);
  const item = group ? report[array][group.index - 1] : undefined;
  return item ? `${array}[id=${item.id}].${rest}` : array;
}

/** The finding with its path moved to the ePCR field and the element id and label leading the message. */
export function rewriteFinding(report: PatientCareReport, finding: Finding): Finding {
  const segments = parseLocation(finding.path);
  const element = subjectElement(segments, finding.message);
  const path = epcrPathForLocation(report, finding.path, finding.message);
  if (path === undefined || element === undefined) return finding;
  const label = getElementDefinition(element)?.dictionary?.label;
  const message = finding.message.startsWith(element) ? finding.message
    : `${element}${label ? ` ${label}` : ''}: ${finding.message}`;
  return { ...finding, path, message };
}
