import type { Severity } from '../tree';
import { compileMatchPattern, type MatchPattern } from './match-pattern';
import { parseSchematron } from './parse-schematron';
import type { MessagePart, SchematronSchema } from './schema-types';
import { dependsOnContext } from './xpath/analyze';
import { compileXPath, type CompiledXPath } from './xpath/compile';
import { XPathSyntaxError } from './xpath/errors';
import { buildDocument, type XNode } from './xpath/nodes';
import type { Sequence } from './xpath/values';
import { SchematronCompileError } from './xml-tree';

export interface CompiledCheck {
  readonly kind: 'assert' | 'report';
  /** The finding's ruleId: the assert/report `id` (NEMSIS: `nemSch_e005`). */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly test: CompiledXPath;
  readonly message: CompiledMessagePart[];
}

export type CompiledMessagePart = string | { kind: 'value-of'; select: CompiledXPath } | { kind: 'name'; path: CompiledXPath | null };

export interface CompiledRule {
  readonly id: string;
  readonly context: MatchPattern;
  readonly lets: { name: string; value: CompiledXPath }[];
  readonly checks: CompiledCheck[];
  /** Position of the rule in its pattern (the first matching rule wins). */
  readonly order: number;
}

export interface CompiledPattern {
  readonly id: string;
  readonly rules: CompiledRule[];
}

export interface CompiledVariable {
  readonly name: string;
  readonly select?: CompiledXPath;
  /** The value does not depend on the document or the clock: computed once, then reused. */
  readonly constant: boolean;
  /** Cached value of a constant variable. */
  value?: Sequence;
  /** Document node of a literal tree (an `xsl:variable` with content). */
  readonly tree?: XNode;
}

export interface CompiledKey {
  readonly match: MatchPattern;
  readonly use: CompiledXPath;
}

/** A compiled rule set, ready for `validateSchematron` (national rules or a state's own pack). */
export interface SchematronRules {
  readonly id?: string;
  readonly title?: string;
  readonly schemaVersion?: string;
  readonly patterns: CompiledPattern[];
  readonly variables: CompiledVariable[];
  readonly keys: ReadonlyMap<string, CompiledKey>;
  /** Number of asserts and reports, for reporting. */
  readonly checkCount: number;
}

/**
 * Maps a Schematron `role` (NEMSIS writes `[ERROR]` / `[WARNING]`) to a finding severity. Fatal and
 * error roles block; warning, info and anything else informational is a WARNING. No role: ERROR.
 */
export function severityOfRole(role: string | undefined): Severity {
  if (role === undefined) return 'ERROR';
  const word = role.replace(/[^A-Za-z]/g, '').toUpperCase();
  if (word === 'ERROR' || word === 'FATAL' || word === 'ERR') return 'ERROR';
  return 'WARNING';
}

function compile(source: string, variables: ReadonlySet<string>, where: string): CompiledXPath {
  try {
    return compileXPath(source, variables);
  } catch (err) {
    if (err instanceof XPathSyntaxError) throw new SchematronCompileError(`${where}: ${err.message}`);
    throw err;
  }
}

function compilePattern(source: string, variables: ReadonlySet<string>, where: string): MatchPattern {
  try {
    return compileMatchPattern(source, variables);
  } catch (err) {
    if (err instanceof XPathSyntaxError) throw new SchematronCompileError(`${where}: ${err.message}`);
    throw err;
  }
}

function compileMessage(parts: MessagePart[], variables: ReadonlySet<string>, where: string): CompiledMessagePart[] {
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    if (part.kind === 'value-of') return { kind: 'value-of', select: compile(part.select, variables, `${where} value-of`) };
    return { kind: 'name', path: part.path === null ? null : compile(part.path, variables, `${where} name`) };
  });
}

/** Compiles a Schematron schema held as data (see `parseSchematron`). Every XPath is compiled once, here. */
export function compileSchematronSchema(schema: SchematronSchema): SchematronRules {
  const globals = new Set<string>();
  const dependent = new Set<string>();
  const variables: CompiledVariable[] = [];
  for (const v of schema.variables) {
    if (v.select !== undefined) {
      const select = compile(v.select, globals, `variable $${v.name}`);
      const constant = !dependsOnContext(select.ast, dependent);
      if (!constant) dependent.add(v.name);
      variables.push({ name: v.name, select, constant });
    } else {
      const root = v.content?.[0];
      const tree = root ? buildDocument(root).root : undefined;
      if (tree && (v.content?.length ?? 0) > 1) throw new SchematronCompileError(`variable $${v.name}: only one root element is supported`);
      variables.push(tree ? { name: v.name, tree, constant: true } : { name: v.name, constant: true });
    }
    globals.add(v.name);
  }
  const keys = new Map<string, CompiledKey>();
  for (const k of schema.keys) {
    keys.set(k.name, { match: compilePattern(k.match, globals, `key ${k.name}`), use: compile(k.use, globals, `key ${k.name}`) });
  }
  let checkCount = 0;
  const patterns = schema.patterns.map((pattern, p): CompiledPattern => {
    const patternId = pattern.id ?? `pattern-${p + 1}`;
    const rules = pattern.rules.map((rule, r): CompiledRule => {
      const ruleId = rule.id ?? `${patternId}-rule-${r + 1}`;
      const where = `rule ${ruleId}`;
      const scope = new Set(globals);
      const lets = rule.lets.map((l) => {
        const value = compile(l.value, new Set(scope), `${where} let $${l.name}`);
        scope.add(l.name);
        return { name: l.name, value };
      });
      const checks = rule.checks.map((c, i): CompiledCheck => {
        checkCount++;
        return {
          kind: c.kind,
          ruleId: c.id ?? `${ruleId}-${c.kind}-${i + 1}`,
          severity: severityOfRole(c.role),
          test: compile(c.test, scope, `${where} ${c.kind} ${c.id ?? i + 1}`),
          message: compileMessage(c.message, scope, `${where} ${c.kind} ${c.id ?? i + 1}`),
        };
      });
      return { id: ruleId, context: compilePattern(rule.context, globals, `${where} context`), lets, checks, order: r };
    });
    return { id: patternId, rules };
  });
  const rules: SchematronRules = { patterns, variables, keys, checkCount };
  return {
    ...rules,
    ...(schema.id === undefined ? {} : { id: schema.id }),
    ...(schema.title === undefined ? {} : { title: schema.title }),
    ...(schema.schemaVersion === undefined ? {} : { schemaVersion: schema.schemaVersion }),
  };
}

/** Loads a Schematron file's text (e.g. a state's own rules) and compiles it. */
export function compileSchematron(schText: string): SchematronRules {
  return compileSchematronSchema(parseSchematron(schText));
}
