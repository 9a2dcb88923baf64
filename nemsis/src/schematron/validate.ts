import type { Finding, NemsisElement } from '../tree';
import type { SchematronRules } from './compile-rules';
import { getNationalEmsRules } from './national-rules';
import { runSchematron, type FiredRule } from './run-rules';
import { buildDocument } from './xpath/nodes';
import { XTemporal } from './xpath/temporal';

export interface ValidateSchematronOptions {
  /** Extra compiled rule packs (a state's own Schematron, compliance rules) run after the national rules. */
  extraRules?: SchematronRules | readonly SchematronRules[];
  /** Run the national EMSDataSet rules (default true); false runs only `extraRules`. */
  national?: boolean;
  /**
   * The moment `current-dateTime()` stands for (rules such as nemSch_e053 refuse times more than an hour
   * in the future). Defaults to the wall clock; pass it in tests and when re-validating old records.
   */
  now?: Date;
  /** Called for every rule that fires on a node (whether or not its asserts fail); for tests and tracing. */
  onRuleFired?: (event: FiredRule) => void;
}

function toTemporal(date: Date): XTemporal {
  if (Number.isNaN(date.getTime())) throw new RangeError('validateSchematron: options.now is an invalid Date');
  return XTemporal.fromInstant('dateTime', date.getTime(), 0);
}

/**
 * Validates a NEMSIS document (the `EMSDataSet` root element) against the official national Schematron
 * and any extra rule packs. Findings carry the assert id as `ruleId` (`nemSch_e005`), the assert's role
 * as severity, the location of the node the rule fired on, and the assert text with its values filled in.
 */
export function validateSchematron(root: NemsisElement, options: ValidateSchematronOptions = {}): Finding[] {
  const packs: SchematronRules[] = [];
  if (options.national ?? true) packs.push(getNationalEmsRules());
  const extra = options.extraRules;
  if (extra) packs.push(...(Array.isArray(extra) ? extra : [extra as SchematronRules]));
  const doc = buildDocument(root);
  const now = toTemporal(options.now ?? new Date());
  const findings: Finding[] = [];
  for (const rules of packs) {
    runSchematron(rules, doc, { now, ...(options.onRuleFired ? { onRuleFired: options.onRuleFired } : {}) }, findings);
  }
  return findings;
}
