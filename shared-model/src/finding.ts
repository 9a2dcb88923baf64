/** Severity of a validation finding. ERROR blocks completion; WARNING never does. */
export type Severity = 'ERROR' | 'WARNING';

/**
 * One validation finding. The single shape used by NEMSIS, NFIRS/NERIS, Part 135 and every
 * other rule set, on the device and on the server.
 */
export interface Finding {
  /** Stable rule id, e.g. `nemSch_e005`, `xsd:cardinality`, `nfirs:time-order`, `cfr:135.267(b)`. */
  ruleId: string;
  severity: Severity;
  /** Where the finding points: an XPath-like location or a document field path. */
  path: string;
  /** What is wrong, in words the crew understands. */
  message: string;
}

/** True when any finding blocks completion. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'ERROR');
}
