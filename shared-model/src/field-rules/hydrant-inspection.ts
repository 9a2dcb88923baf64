import type { Finding } from '../finding';
import { addMonthsToDate, parseCalendarDate } from './time';

/**
 * NFPA 25 (Inspection, Testing and Maintenance of Water-Based Fire Protection Systems), chapter 7
 * (private fire service mains), hydrant items.
 *
 * SOURCE NOTE: the NFPA 25 text is copyrighted and was not available to us. The checklist below follows
 * the widely reproduced summary of NFPA 25 §7.2.2.4 (dry barrel and wall hydrants) and §7.2.2.5 (wet barrel
 * hydrants) — "inspected annually and after each operation" — and §7.3.2 (hydrants flow-tested annually,
 * flowed at least 1 minute, dry barrels drain within 60 minutes). Section numbers are those commonly cited
 * for the 2017–2023 editions; check them against the edition your jurisdiction adopted.
 */

export type HydrantBarrel = 'dry' | 'wet' | 'wall';

export interface HydrantChecklistItem {
  id: string;
  /** The condition the inspector looks for. */
  condition: string;
  /** The corrective action NFPA 25 pairs with it. */
  correctiveAction: string;
  /** Barrel types the item applies to. */
  appliesTo: readonly HydrantBarrel[];
  source: string;
}

const ALL: readonly HydrantBarrel[] = ['dry', 'wet', 'wall'];
const DRY: readonly HydrantBarrel[] = ['dry', 'wall'];

/** The NFPA 25 hydrant inspection checklist as data. */
export const HYDRANT_INSPECTION_CHECKLIST: readonly HydrantChecklistItem[] = [
  { id: 'accessible', condition: 'Hydrant is accessible (not obstructed)', correctiveAction: 'Make accessible', appliesTo: ALL, source: 'NFPA 25 §7.2.2.4/7.2.2.5' },
  { id: 'barrel-free-of-water-or-ice', condition: 'Barrel contains no water or ice', correctiveAction: 'Repair and drain; with high groundwater, plug the drain and pump out after each operation', appliesTo: DRY, source: 'NFPA 25 §7.2.2.4' },
  { id: 'barrel-drains', condition: 'Barrel drains properly', correctiveAction: 'Repair the drain valve', appliesTo: DRY, source: 'NFPA 25 §7.2.2.4' },
  { id: 'no-leaks', condition: 'No leaks in outlets or at top of hydrant', correctiveAction: 'Repair or replace gaskets, packing or parts', appliesTo: ALL, source: 'NFPA 25 §7.2.2.4/7.2.2.5' },
  { id: 'barrel-not-cracked', condition: 'No cracks in hydrant barrel', correctiveAction: 'Repair or replace', appliesTo: ALL, source: 'NFPA 25 §7.2.2.4/7.2.2.5' },
  { id: 'outlets-tight', condition: 'Outlets are tight', correctiveAction: 'Lubricate and tighten as necessary', appliesTo: ALL, source: 'NFPA 25 §7.2.2.4/7.2.2.5' },
  { id: 'nozzle-threads-sound', condition: 'Nozzle threads not worn', correctiveAction: 'Repair or replace', appliesTo: ALL, source: 'NFPA 25 §7.2.2.4/7.2.2.5' },
  { id: 'operating-nut-sound', condition: 'Operating nut not worn', correctiveAction: 'Repair or replace', appliesTo: ALL, source: 'NFPA 25 §7.2.2.4/7.2.2.5' },
  { id: 'wrench-available', condition: 'Operating wrench available', correctiveAction: 'Make sure a wrench is available', appliesTo: ALL, source: 'NFPA 25 §7.2.2.4/7.2.2.5' },
  { id: 'flowed-one-minute', condition: 'Flow test: opened fully and flowed at least 1 minute until clear', correctiveAction: 'Flow until foreign material is cleared', appliesTo: ALL, source: 'NFPA 25 §7.3.2' },
  { id: 'drained-within-60-minutes', condition: 'After operation, dry barrel drained within 60 minutes', correctiveAction: 'Repair the drain; pump out if groundwater is high', appliesTo: DRY, source: 'NFPA 25 §7.3.2' },
];

export interface HydrantInspectionAnswer {
  itemId: string;
  /** true = condition satisfied; false = deficiency; undefined = not checked. */
  ok: boolean | undefined;
  note?: string;
}

export interface HydrantInspectionRecord {
  hydrantId: string;
  barrel: HydrantBarrel;
  inspectedOn: string;
  /** Whether this inspection included the annual flow test (§7.3.2). */
  flowTested: boolean;
  answers: HydrantInspectionAnswer[];
}

/** Checklist items that apply to a barrel type; flow-test items only when the inspection includes a flow test. */
export function checklistFor(barrel: HydrantBarrel, flowTested: boolean): HydrantChecklistItem[] {
  return HYDRANT_INSPECTION_CHECKLIST.filter(
    (item) => item.appliesTo.includes(barrel) && (flowTested || item.source !== 'NFPA 25 §7.3.2'),
  );
}

/** Findings for a hydrant inspection: unanswered items and each deficiency with its corrective action. */
export function validateHydrantInspection(record: HydrantInspectionRecord): Finding[] {
  const findings: Finding[] = [];
  if (parseCalendarDate(record.inspectedOn) === undefined) {
    findings.push({ ruleId: 'nfpa25:inspection-date', severity: 'ERROR', path: 'inspectedOn', message: 'Inspection date must be a YYYY-MM-DD date.' });
  }
  for (const item of checklistFor(record.barrel, record.flowTested)) {
    const answer = record.answers.find((a) => a.itemId === item.id);
    if (answer?.ok === undefined) {
      findings.push({ ruleId: `nfpa25:${item.id}`, severity: 'ERROR', path: `answers.${item.id}`, message: `Not checked: ${item.condition} (${item.source}).` });
    } else if (!answer.ok) {
      findings.push({ ruleId: `nfpa25:${item.id}`, severity: 'WARNING', path: `answers.${item.id}`, message: `Deficiency: ${item.condition} — ${item.correctiveAction} (${item.source}).` });
    }
  }
  return findings;
}

export interface HydrantDueOptions {
  /** Last inspection date (YYYY-MM-DD), if any. */
  lastInspectedOn?: string;
  /** Last flow test date (YYYY-MM-DD), if any. */
  lastFlowTestedOn?: string;
  /** Last time the hydrant was operated (used) — any use requires an inspection afterwards. */
  lastOperatedOn?: string;
  /** Reference date (YYYY-MM-DD), e.g. today; used when nothing has been recorded yet. */
  today: string;
}

export interface HydrantDueDates {
  inspectionDue: string;
  inspectionReason: 'annual' | 'after-use' | 'never-inspected';
  flowTestDue: string;
  flowTestReason: 'annual' | 'never-tested';
  findings: Finding[];
}

/**
 * Next due dates: inspection annually and after each operation (§7.2.2.4/7.2.2.5), flow test annually
 * (§7.3.2). Annual = same calendar date next year in UTC (Feb 29 → Feb 28).
 */
export function computeHydrantDueDates(options: HydrantDueOptions): HydrantDueDates {
  const findings: Finding[] = [];
  const check = (field: keyof HydrantDueOptions): string | undefined => {
    const v = options[field];
    if (v === undefined) return undefined;
    if (parseCalendarDate(v) === undefined) {
      findings.push({ ruleId: 'nfpa25:due-date-input', severity: 'ERROR', path: field, message: `${field} must be a YYYY-MM-DD date.` });
      return undefined;
    }
    return v;
  };
  const today = check('today') ?? '1970-01-01';
  const inspected = check('lastInspectedOn');
  const flowTested = check('lastFlowTestedOn');
  const operated = check('lastOperatedOn');

  let inspectionDue: string;
  let inspectionReason: HydrantDueDates['inspectionReason'];
  if (inspected === undefined) {
    inspectionDue = today;
    inspectionReason = 'never-inspected';
  } else if (operated !== undefined && operated > inspected) {
    inspectionDue = operated;
    inspectionReason = 'after-use';
  } else {
    inspectionDue = addMonthsToDate(inspected, 12) ?? today;
    inspectionReason = 'annual';
  }
  const flowTestDue = flowTested === undefined ? today : (addMonthsToDate(flowTested, 12) ?? today);
  return { inspectionDue, inspectionReason, flowTestDue, flowTestReason: flowTested === undefined ? 'never-tested' : 'annual', findings };
}
