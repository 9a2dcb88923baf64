import type { Finding, Severity } from '@field/shared-model';
import { NFIRS_RULE_SOURCES, type NfirsRuleId } from './nfirs-rule-sources';

/** A finding whose message ends with the rule's source, e.g. "… [NFIRS relational edit #36]". */
export function nfirsFinding(ruleId: NfirsRuleId, severity: Severity, path: string, message: string): Finding {
  return { ruleId, severity, path, message: `${message} [${NFIRS_RULE_SOURCES[ruleId].source}]` };
}

/** True when a value was entered (not undefined, not an empty string, not an empty array). */
export function isEntered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(isEntered);
  return true;
}
