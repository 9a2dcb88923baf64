import type { Severity } from '../tree';
import { severityOfRole } from './compile-rules';
import { elementChildren, parseXmlTree, textContent, type XmlElement } from './xml-tree';

const SVRL_NS = 'http://purl.oclc.org/dsdl/svrl';

/** One failed assert or successful report of an SVRL report, with the location in this package's path form. */
export interface SvrlFinding {
  ruleId: string;
  severity: Severity;
  path: string;
  message: string;
  kind: 'assert' | 'report';
}

export interface SvrlReport {
  findings: SvrlFinding[];
  /** Fired rules as `patternId/ruleId`, in report order. */
  firedRules: string[];
}

/**
 * Turns an SVRL location (`/*:EMSDataSet[namespace-uri()='http://www.nemsis.org'][1]/*:Header[…][1]`)
 * into the namespace-free form findings use (`/EMSDataSet[1]/Header[1]`).
 */
export function normalizeSvrlLocation(location: string): string {
  return location
    .replace(/\[namespace-uri\(\)='[^']*'\]/g, '')
    .replace(/\*:/g, '')
    .replace(/@\*\[local-name\(\)='([^']*)'(?: and namespace-uri\(\)='[^']*')?\]/g, '@$1');
}

/** Reads an SVRL report (ISO Schematron Validation Report Language) as produced by the official pipeline. */
export function parseSvrl(text: string): SvrlReport {
  const root = parseXmlTree(text);
  const findings: SvrlFinding[] = [];
  const firedRules: string[] = [];
  let pattern = '';
  const read = (element: XmlElement): void => {
    for (const child of elementChildren(element)) {
      if (child.uri !== SVRL_NS) continue;
      if (child.local === 'active-pattern') pattern = child.attributes.id ?? '';
      else if (child.local === 'fired-rule') firedRules.push(`${pattern}/${child.attributes.id ?? ''}`);
      else if (child.local === 'failed-assert' || child.local === 'successful-report') {
        const textElement = elementChildren(child).find((c) => c.uri === SVRL_NS && c.local === 'text');
        findings.push({
          ruleId: child.attributes.id ?? '',
          severity: severityOfRole(child.attributes.role),
          path: normalizeSvrlLocation(child.attributes.location ?? ''),
          message: textElement ? textContent(textElement).replace(/\s+/g, ' ').trim() : '',
          kind: child.local === 'failed-assert' ? 'assert' : 'report',
        });
      }
    }
  };
  read(root);
  return { findings, firedRules };
}
