import type { Finding } from '../../finding';
import { parseInstant } from '../time';
import type { FlightLeg } from './types';

/**
 * 14 CFR 135.617 — pre-flight risk analysis for helicopter air ambulance operations. Before the first
 * leg of each operation the pilot in command conducts the analysis, completes the worksheet, and signs
 * it with the date and time. The worksheet covers at least the items below; when the assessed risk is
 * above the level the certificate holder predefined, management approval to release the flight is
 * obtained and documented.
 * SOURCE NOTE: the item list follows our reading of 135.617(a)(1)–(5) from secondary descriptions; the
 * regulation text itself was not available offline. Each id below names the paragraph we believe it is.
 */

export interface RiskItemDefinition {
  id: string;
  label: string;
  paragraph: string;
}

export const RISK_ANALYSIS_ITEMS: readonly RiskItemDefinition[] = [
  { id: 'route-obstacles-terrain', label: 'Flight considerations: obstacles and terrain along the route, landing zone, fuel', paragraph: '135.617(a)(1)' },
  { id: 'human-factors', label: 'Human factors: crew fatigue, life events, other stressors', paragraph: '135.617(a)(2)' },
  { id: 'weather', label: 'Weather: departure, en route, destination and forecast', paragraph: '135.617(a)(3)' },
  { id: 'prior-refusal', label: 'Whether another air ambulance operator refused or rejected this flight request', paragraph: '135.617(a)(4)' },
  { id: 'mitigation', label: 'Strategies and procedures for mitigating identified risks', paragraph: '135.617(a)(5)' },
];

export interface RiskAnalysis {
  operationId: string;
  /** Answers by item id; every item must be answered. */
  answers: Record<string, string | undefined>;
  /** Total risk score by the operator's worksheet, if it scores. */
  riskScore?: number;
  /** Score above which management approval is required to release the flight. */
  managementApprovalThreshold?: number;
  managementApproval?: { approvedBy: string; approvedAt: string | number };
  /** Pilot in command's signature and the date/time of completion. */
  signedBy?: string;
  signedAt?: string | number;
}

/** Check the risk analysis of one helicopter air ambulance operation against its legs. */
export function checkRiskAnalysis(analysis: RiskAnalysis | undefined, legs: readonly FlightLeg[]): Finding[] {
  const ruleId = 'cfr:135.617';
  const starts = legs.map((l) => parseInstant(l.blockOut)).filter((v): v is number => v !== undefined);
  if (!analysis) {
    return [{ ruleId, severity: 'ERROR', path: 'riskAnalysis', message: 'No pre-flight risk analysis for this air ambulance operation.' }];
  }
  const findings: Finding[] = [];
  for (const item of RISK_ANALYSIS_ITEMS) {
    const answer = analysis.answers[item.id];
    if (answer === undefined || answer.trim() === '') {
      findings.push({ ruleId, severity: 'ERROR', path: `riskAnalysis.answers.${item.id}`, message: `Risk analysis item not completed: ${item.label} (${item.paragraph}).` });
    }
  }
  const signedAt = parseInstant(analysis.signedAt);
  if (!analysis.signedBy?.trim() || signedAt === undefined) {
    findings.push({ ruleId, severity: 'ERROR', path: 'riskAnalysis.signedAt', message: 'The pilot in command must sign the risk analysis with the date and time of completion.' });
  } else if (starts.length > 0 && signedAt > Math.min(...starts)) {
    findings.push({ ruleId, severity: 'ERROR', path: 'riskAnalysis.signedAt', message: 'The risk analysis was signed after the first leg began; it must be complete and signed before the first leg.' });
  }
  const { riskScore, managementApprovalThreshold: threshold } = analysis;
  if (riskScore !== undefined && threshold !== undefined && Number.isFinite(riskScore) && riskScore > threshold) {
    const approvedAt = parseInstant(analysis.managementApproval?.approvedAt);
    if (!analysis.managementApproval?.approvedBy.trim() || approvedAt === undefined) {
      findings.push({ ruleId, severity: 'ERROR', path: 'riskAnalysis.managementApproval', message: `Risk score ${riskScore} is above ${threshold}: management approval to release the flight must be documented.` });
    } else if (starts.length > 0 && approvedAt > Math.min(...starts)) {
      findings.push({ ruleId, severity: 'ERROR', path: 'riskAnalysis.managementApproval', message: 'Management approval was given after the first leg began.' });
    }
  }
  return findings;
}
