/**
 * Test and bench support: a reference Schematron runner that evaluates every rule context and assert test
 * with Saxon-JS (the XSLT/XPath processor family that produced the official SVRL). It agrees with the
 * official SVRL on the 118 official test cases (saxon-reference.test.ts); saxon-agreement.test.ts uses it
 * to check the engine on documents that have no official SVRL. It does not evaluate message texts or build
 * SVRL, and it is slow (one `//(context)` search per rule per document): bench/validate-bench.ts times it
 * only for reference; its official-pipeline baseline is the XSLT route in bench/schematron-xslt.ts.
 */
import { createRequire } from 'node:module';
import type { SchematronSchema } from './schema-types';

interface SaxonNode {
  nodeType: number;
  localName: string;
  parentNode: SaxonNode | null;
  previousSibling: SaxonNode | null;
}

interface SaxonApi {
  getResource(options: { text: string; type: 'xml' }): Promise<SaxonNode>;
  XPath: {
    evaluate(xpath: string, context: SaxonNode | null, options: Record<string, unknown>): unknown;
  };
}

const SaxonJS = createRequire(import.meta.url)('saxon-js') as SaxonApi;
const NAMESPACES = {
  nem: 'http://www.nemsis.org',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xs: 'http://www.w3.org/2001/XMLSchema',
};

export interface ReferenceFinding {
  ruleId: string;
  path: string;
}

function locationOf(node: SaxonNode): string {
  const steps: string[] = [];
  for (let n: SaxonNode | null = node; n && n.nodeType === 1; n = n.parentNode) {
    let position = 1;
    for (let s = n.previousSibling; s; s = s.previousSibling) if (s.nodeType === 1 && s.localName === n.localName) position++;
    steps.push(`${n.localName}[${position}]`);
  }
  return `/${steps.reverse().join('/')}`;
}

function evaluateNodes(xpath: string, context: SaxonNode): SaxonNode[] {
  return SaxonJS.XPath.evaluate(xpath, context, { namespaceContext: NAMESPACES, resultForm: 'array' }) as SaxonNode[];
}

/**
 * Saxon-JS 2.7 does not collapse whitespace before `castable as xs:integer` of a node's content, as XML
 * Schema casting (and the Java Saxon behind the official SVRL) does; the reference applies it explicitly.
 */
function alignWithOfficialSaxon(test: string): string {
  return test.replace(/(^|[^\w.])\. castable as/g, '$1normalize-space(.) castable as');
}

/**
 * Runs a schema's rules with Saxon-JS: for every pattern, every element in document order is given
 * to the first rule whose context matches (a node matches a pattern P when it is in `//(P)`); each
 * assert/report test is evaluated with the rule's lets as parameters. A dynamic error counts as firing,
 * as in the engine. Message texts and global variables are not evaluated.
 */
export async function runReferenceSchematron(xml: string, schema: SchematronSchema): Promise<ReferenceFinding[]> {
  const doc = await SaxonJS.getResource({ text: xml, type: 'xml' });
  const elements = evaluateNodes('//*', doc);
  const findings: ReferenceFinding[] = [];
  for (const pattern of schema.patterns) {
    const matched = pattern.rules.map((rule) => new Set(evaluateNodes(`//(${rule.context})`, doc)));
    for (const element of elements) {
      const index = matched.findIndex((set) => set.has(element));
      const rule = pattern.rules[index];
      if (!rule) continue;
      const params: Record<string, unknown> = {};
      for (const check of rule.checks) {
        let fires: boolean;
        try {
          for (const l of rule.lets) {
            if (check.test.includes(`$${l.name}`) && !(l.name in params)) {
              params[l.name] = SaxonJS.XPath.evaluate(l.value, element, { namespaceContext: NAMESPACES, params, resultForm: 'array' });
            }
          }
          const result = SaxonJS.XPath.evaluate(`boolean(${alignWithOfficialSaxon(check.test)})`, element, { namespaceContext: NAMESPACES, params }) as boolean;
          fires = check.kind === 'assert' ? !result : result;
        } catch {
          fires = true;
        }
        if (fires) findings.push({ ruleId: check.id ?? '', path: locationOf(element) });
      }
    }
  }
  return findings;
}
