import type { Axis, BinaryOp, Expr, NodeTest, SequenceType } from './ast';
import { XPathSyntaxError } from './errors';
import { tokenizeXPath, type Token } from './lexer';

const AXES = new Set<string>([
  'child', 'descendant', 'descendant-or-self', 'self', 'parent', 'ancestor', 'ancestor-or-self',
  'following-sibling', 'preceding-sibling', 'following', 'preceding', 'attribute',
]);
const KIND_TESTS = new Set(['node', 'text', 'element', 'attribute', 'document-node', 'comment', 'processing-instruction']);
const GENERAL_COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const VALUE_COMPARISONS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
/** Deeper nesting is refused with a syntax error rather than exhausting the stack. */
const MAX_NESTING = 200;
const OR_OPS = new Set(['or']);
const AND_OPS = new Set(['and']);
const ADDITIVE_OPS = new Set(['+', '-']);
const MULTIPLICATIVE_OPS = new Set(['*', 'div', 'idiv', 'mod']);
const UNION_OPS = new Set(['union', '|']);
const INTERSECT_OPS = new Set(['intersect', 'except']);
const DESCENDANT_OR_SELF: Expr = { kind: 'step', axis: 'descendant-or-self', test: { kind: 'node' }, predicates: [] };

/** Parses an XPath 2.0 expression (the subset used by ISO Schematron rule files) into an AST. */
export function parseXPath(text: string): Expr {
  return new Parser(text).parseAll();
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenizeXPath(text);
  }

  parseAll(): Expr {
    if (this.peek().kind === 'end') throw this.error('empty expression');
    const expr = this.parseExpr();
    if (this.peek().kind !== 'end') throw this.error(`unexpected '${String(this.peek().value)}'`);
    return expr;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private error(message: string): XPathSyntaxError {
    return new XPathSyntaxError(message, this.text, this.peek().pos);
  }

  private isSymbol(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'symbol' && t.value === value;
  }

  private isKeyword(value: string): boolean {
    const t = this.peek();
    return t.kind === 'name' && t.value === value;
  }

  private expectSymbol(value: string): void {
    if (!this.isSymbol(value)) throw this.error(`expected '${value}'`);
    this.index++;
  }

  private expectKeyword(value: string): void {
    if (!this.isKeyword(value)) throw this.error(`expected '${value}'`);
    this.index++;
  }

  private parseExpr(): Expr {
    const items = [this.parseExprSingle()];
    while (this.isSymbol(',')) {
      this.index++;
      items.push(this.parseExprSingle());
    }
    return items.length === 1 ? (items[0] as Expr) : { kind: 'sequence', items };
  }

  private depth = 0;

  private parseExprSingle(): Expr {
    if (++this.depth > MAX_NESTING) throw this.error(`expression nested deeper than ${MAX_NESTING} levels`);
    try {
      return this.parseExprSingleAt();
    } finally {
      this.depth--;
    }
  }

  private parseExprSingleAt(): Expr {
    const t = this.peek();
    const after = this.peek(1);
    if (t.kind === 'name' && after.kind === 'variable' && (t.value === 'some' || t.value === 'every' || t.value === 'for')) {
      this.index++;
      const bindings = this.parseBindings(t.value === 'for' ? 'in' : 'in');
      if (t.value === 'for') {
        this.expectKeyword('return');
        return { kind: 'for', bindings, result: this.parseExprSingle() };
      }
      this.expectKeyword('satisfies');
      return { kind: 'quantified', quantifier: t.value, bindings, test: this.parseExprSingle() };
    }
    if (t.kind === 'name' && t.value === 'if' && after.kind === 'symbol' && after.value === '(') {
      this.index += 2;
      const condition = this.parseExpr();
      this.expectSymbol(')');
      this.expectKeyword('then');
      const then = this.parseExprSingle();
      this.expectKeyword('else');
      return { kind: 'if', condition, then, else: this.parseExprSingle() };
    }
    return this.parseOr();
  }

  private parseBindings(keyword: string): { name: string; source: Expr }[] {
    const bindings: { name: string; source: Expr }[] = [];
    for (;;) {
      const v = this.next();
      if (v.kind !== 'variable') throw this.error('expected a variable');
      this.expectKeyword(keyword);
      bindings.push({ name: v.value, source: this.parseExprSingle() });
      if (!this.isSymbol(',')) return bindings;
      this.index++;
    }
  }

  private parseBinaryLevel(operators: ReadonlySet<string>, operand: () => Expr, keywordOps: boolean): Expr {
    let left = operand();
    for (;;) {
      const t = this.peek();
      const op = t.kind === 'symbol' || (keywordOps && t.kind === 'name') ? String(t.value) : '';
      if (!operators.has(op)) return left;
      this.index++;
      left = { kind: 'binary', op: (op === '|' ? 'union' : op) as BinaryOp, left, right: operand() };
    }
  }

  private parseOr(): Expr {
    return this.parseBinaryLevel(OR_OPS, () => this.parseAnd(), true);
  }

  private parseAnd(): Expr {
    return this.parseBinaryLevel(AND_OPS, () => this.parseComparison(), true);
  }

  private parseComparison(): Expr {
    const left = this.parseRange();
    const t = this.peek();
    const op = String(t.value);
    const isComparison =
      (t.kind === 'symbol' && (GENERAL_COMPARISONS.has(op) || op === '<<' || op === '>>')) ||
      (t.kind === 'name' && (VALUE_COMPARISONS.has(op) || op === 'is'));
    if (!isComparison) return left;
    this.index++;
    return { kind: 'binary', op: op as BinaryOp, left, right: this.parseRange() };
  }

  private parseRange(): Expr {
    const left = this.parseAdditive();
    if (!this.isKeyword('to')) return left;
    this.index++;
    return { kind: 'binary', op: 'to', left, right: this.parseAdditive() };
  }

  private parseAdditive(): Expr {
    return this.parseBinaryLevel(ADDITIVE_OPS, () => this.parseMultiplicative(), false);
  }

  private parseMultiplicative(): Expr {
    return this.parseBinaryLevel(MULTIPLICATIVE_OPS, () => this.parseUnion(), true);
  }

  private parseUnion(): Expr {
    return this.parseBinaryLevel(UNION_OPS, () => this.parseIntersect(), true);
  }

  private parseIntersect(): Expr {
    return this.parseBinaryLevel(INTERSECT_OPS, () => this.parseInstanceOf(), true);
  }

  private parseInstanceOf(): Expr {
    const operand = this.parseCastable();
    if (this.isKeyword('instance') && this.peek(1).kind === 'name' && this.peek(1).value === 'of') {
      this.index += 2;
      return { kind: 'instance-of', operand, type: this.parseSequenceType() };
    }
    return operand;
  }

  private parseCastable(): Expr {
    const operand = this.parseCast();
    if (this.isKeyword('castable') && this.peek(1).value === 'as') {
      this.index += 2;
      const { type, optional } = this.parseSingleType();
      return { kind: 'cast', operand, type, optional, test: true };
    }
    return operand;
  }

  private parseCast(): Expr {
    const operand = this.parseUnary();
    if (this.isKeyword('cast') && this.peek(1).value === 'as') {
      this.index += 2;
      const { type, optional } = this.parseSingleType();
      return { kind: 'cast', operand, type, optional, test: false };
    }
    return operand;
  }

  private parseSingleType(): { type: string; optional: boolean } {
    const t = this.next();
    if (t.kind !== 'name') throw this.error('expected a type name');
    const optional = this.isSymbol('?');
    if (optional) this.index++;
    return { type: t.value, optional };
  }

  private parseSequenceType(): SequenceType {
    const t = this.next();
    if (t.kind !== 'name') throw this.error('expected a sequence type');
    let type = t.value;
    if (this.isSymbol('(')) {
      this.index++;
      let depth = 1;
      while (depth > 0) {
        const n = this.next();
        if (n.kind === 'end') throw this.error('unterminated type');
        if (n.kind === 'symbol' && n.value === '(') depth++;
        if (n.kind === 'symbol' && n.value === ')') depth--;
      }
      type += '()';
    }
    const occ = this.peek();
    if (occ.kind === 'symbol' && (occ.value === '?' || occ.value === '*' || occ.value === '+')) {
      this.index++;
      return { type, occurrence: occ.value };
    }
    return { type, occurrence: '' };
  }

  private parseUnary(): Expr {
    let negate = false;
    let signed = false;
    while (this.isSymbol('-') || this.isSymbol('+')) {
      signed = true;
      if (this.next().value === '-') negate = !negate;
    }
    const operand = this.parsePath();
    if (!signed) return operand;
    return negate ? { kind: 'negate', operand } : { kind: 'binary', op: '+', left: { kind: 'number', value: 0, integer: true }, right: operand };
  }

  private canStartStep(): boolean {
    const t = this.peek();
    if (t.kind === 'end') return false;
    if (t.kind === 'symbol') return ['@', '.', '..', '*', '('].includes(t.value);
    return true;
  }

  private parsePath(): Expr {
    if (this.isSymbol('/')) {
      this.index++;
      const root: Expr = { kind: 'root' };
      return this.canStartStep() ? this.parseRelativePath(root, '/') : root;
    }
    if (this.isSymbol('//')) {
      this.index++;
      return this.parseRelativePath({ kind: 'path', left: { kind: 'root' }, right: DESCENDANT_OR_SELF }, '/');
    }
    return this.parseRelativePath(undefined, '');
  }

  private parseRelativePath(start: Expr | undefined, separator: string): Expr {
    let left: Expr | undefined = start;
    let sep = separator;
    for (;;) {
      const step = this.parseStep();
      if (left === undefined) left = step;
      else if (sep === '//') left = { kind: 'path', left: { kind: 'path', left, right: DESCENDANT_OR_SELF }, right: step };
      else left = { kind: 'path', left, right: step };
      if (this.isSymbol('/') || this.isSymbol('//')) sep = String(this.next().value);
      else return left;
    }
  }

  private parseStep(): Expr {
    const t = this.peek();
    if (t.kind === 'symbol' && t.value === '..') {
      this.index++;
      return { kind: 'step', axis: 'parent', test: { kind: 'node' }, predicates: this.parsePredicates() };
    }
    if (t.kind === 'symbol' && t.value === '@') {
      this.index++;
      return { kind: 'step', axis: 'attribute', test: this.parseNodeTest(), predicates: this.parsePredicates() };
    }
    if (t.kind === 'name' && this.isSymbol('::', 1)) {
      if (!AXES.has(t.value)) throw this.error(`unsupported axis '${t.value}'`);
      this.index += 2;
      return { kind: 'step', axis: t.value as Axis, test: this.parseNodeTest(), predicates: this.parsePredicates() };
    }
    if ((t.kind === 'symbol' && t.value === '*') || (t.kind === 'name' && !this.isSymbol('(', 1)) ||
      (t.kind === 'name' && KIND_TESTS.has(t.value) && this.isSymbol('(', 1))) {
      return { kind: 'step', axis: 'child', test: this.parseNodeTest(), predicates: this.parsePredicates() };
    }
    const primary = this.parsePrimary();
    const predicates = this.parsePredicates();
    return predicates.length === 0 ? primary : { kind: 'filter', base: primary, predicates };
  }

  private parseNodeTest(): NodeTest {
    const t = this.next();
    if (t.kind === 'symbol' && t.value === '*') return { kind: 'any-name' };
    if (t.kind !== 'name') throw this.error('expected a node test');
    if (KIND_TESTS.has(t.value) && this.isSymbol('(')) {
      this.index++;
      let local: string | undefined;
      if (!this.isSymbol(')')) {
        const arg = this.next();
        if (arg.kind === 'name') local = localPart(arg.value);
        else if (!(arg.kind === 'symbol' && arg.value === '*')) throw this.error('unsupported kind test argument');
      }
      this.expectSymbol(')');
      switch (t.value) {
        case 'node': return { kind: 'node' };
        case 'text': return { kind: 'text' };
        case 'element': return local === undefined ? { kind: 'element' } : { kind: 'element', local };
        case 'attribute': return local === undefined ? { kind: 'attribute' } : { kind: 'attribute', local };
        case 'document-node': return { kind: 'document' };
        default: throw this.error(`unsupported kind test ${t.value}()`);
      }
    }
    if (t.value.endsWith(':*')) return { kind: 'any-name' };
    const colon = t.value.indexOf(':');
    return { kind: 'name', local: localPart(t.value), prefixed: colon > 0 && !t.value.startsWith('*:') };
  }

  private parsePredicates(): Expr[] {
    const predicates: Expr[] = [];
    while (this.isSymbol('[')) {
      this.index++;
      predicates.push(this.parseExpr());
      this.expectSymbol(']');
    }
    return predicates;
  }

  private parsePrimary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'string', value: t.value };
      case 'number':
        return { kind: 'number', value: t.value, integer: Number.isInteger(t.value) && !/[.eE]/.test(this.text.slice(t.pos, this.peek().pos)) };
      case 'variable':
        return { kind: 'variable', name: t.value };
      case 'symbol':
        if (t.value === '.') return { kind: 'context' };
        if (t.value === '(') {
          if (this.isSymbol(')')) {
            this.index++;
            return { kind: 'sequence', items: [] };
          }
          const inner = this.parseExpr();
          this.expectSymbol(')');
          return inner;
        }
        break;
      case 'name':
        if (this.isSymbol('(')) {
          this.index++;
          const args: Expr[] = [];
          if (!this.isSymbol(')')) {
            args.push(this.parseExprSingle());
            while (this.isSymbol(',')) {
              this.index++;
              args.push(this.parseExprSingle());
            }
          }
          this.expectSymbol(')');
          return { kind: 'call', name: t.value.startsWith('fn:') ? t.value.slice(3) : t.value, args };
        }
        break;
      case 'end':
        break;
    }
    this.index--;
    throw this.error(t.kind === 'end' ? 'unexpected end of expression' : `unexpected '${String(t.value)}'`);
  }
}

function localPart(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}
