/**
 * The one entry point for validating an EMSDataSet: the official XSD, the national Schematron and any
 * extra rule packs (a state's Schematron, an agency's TypeScript rules), each contributing findings of
 * the suite-wide `Finding` shape. The same call runs in the browser (live, offline) and on the server gate.
 */
import type { Finding } from '@field/shared-model';
import { validateSchematron, type SchematronRules } from './schematron/index';
import type { NemsisElement } from './tree';
import { validateXsd } from './xsd/validate-xsd';

/** A rule pack written in code: any function from the document to findings. */
export type RulePackFunction = (root: NemsisElement) => Finding[];

/** A named rule pack; the id prefixes the finding reported if the pack itself throws. */
export interface RulePack {
  id: string;
  validate: RulePackFunction;
}

export interface ValidateEmsDataSetOptions {
  /** Run the XSD check (default true). */
  xsd?: boolean;
  /** Run the national Schematron rules (default true). */
  nationalSchematron?: boolean;
  /** Extra compiled Schematron packs (e.g. a state's `.sch` via `compileSchematron`), run after the national rules. */
  schematronPacks?: readonly SchematronRules[];
  /** Extra code rule packs, run last. */
  rulePacks?: readonly (RulePack | RulePackFunction)[];
  /**
   * Skip Schematron and rule packs when the XSD check fails (the official submission order). Default
   * false: in the field, crews see every problem at once.
   */
  stopAfterXsdErrors?: boolean;
  /** The moment "now" for time rules (e.g. times in the future); defaults to the wall clock. */
  now?: Date;
}

function runPack(id: string, validate: RulePackFunction, root: NemsisElement): Finding[] {
  try {
    return validate(root);
  } catch (err) {
    // A broken pack must not hide the other findings or crash the form; it shows up as an error itself.
    return [{ ruleId: `${id}:failed`, severity: 'ERROR', path: `/${root.name}`,
      message: `the rule pack ${id} could not run: ${(err as Error).message}` }];
  }
}

/** Validates an EMSDataSet tree; an empty result (or only WARNINGs) means it may be submitted. */
export function validateEmsDataSet(root: NemsisElement, options: ValidateEmsDataSetOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (options.xsd ?? true) findings.push(...validateXsd(root));
  if (options.stopAfterXsdErrors && findings.length > 0) return findings;

  const national = options.nationalSchematron ?? true;
  const packs = options.schematronPacks ?? [];
  if (national || packs.length > 0) {
    findings.push(...runPack('schematron', (r) => validateSchematron(r, {
      national,
      extraRules: packs,
      ...(options.now ? { now: options.now } : {}),
    }), root));
  }
  (options.rulePacks ?? []).forEach((pack, i) => {
    const { id, validate } = typeof pack === 'function' ? { id: `rule-pack-${i + 1}`, validate: pack } : pack;
    findings.push(...runPack(id, validate, root));
  });
  return findings;
}
