import type { SchematronRules } from './compile-rules';
import type { Environment, KeyLookup, Scope } from './xpath/context';
import { XPathDynamicError } from './xpath/errors';
import { attributesOf, type XNode } from './xpath/nodes';
import { stringOf } from './xpath/values';

type KeyTable = Map<string, XNode[]>;

/** Key tables per document root and key name; literal lookup trees keep theirs for the life of the rules. */
const tables = new WeakMap<XNode, Map<string, KeyTable>>();

function allNodes(root: XNode, withAttributes: boolean): XNode[] {
  const out: XNode[] = [];
  const walk = (node: XNode): void => {
    out.push(node);
    if (withAttributes && node.kind === 'element') out.push(...attributesOf(node));
    for (const child of node.children) walk(child);
  };
  walk(root);
  return out;
}

/** `key(name, values, top)` for the `xsl:key` declarations of a rule set. */
export function createKeyLookup(rules: SchematronRules, env: Environment, scope: Scope | null): KeyLookup {
  return (name, values, top) => {
    const key = rules.keys.get(name);
    if (!key) throw new XPathDynamicError('XTDE1260', `no xsl:key named "${name}"`);
    let root = top;
    while (root.parent) root = root.parent;
    let perRoot = tables.get(root);
    if (!perRoot) {
      perRoot = new Map();
      tables.set(root, perRoot);
    }
    let table = perRoot.get(name);
    if (!table) {
      table = new Map();
      const withAttributes = key.match.targets.some((t) => t.kind === 'attribute');
      for (const node of allNodes(root, withAttributes)) {
        if (!key.match.matches(node, env, scope)) continue;
        const ctx = { item: node, position: 1, size: 1, current: node, scope, env };
        for (const value of key.use.evaluate(ctx)) {
          const k = stringOf(value);
          const list = table.get(k);
          if (list) list.push(node);
          else table.set(k, [node]);
        }
      }
      perRoot.set(name, table);
    }
    const found: XNode[] = [];
    for (const value of values) for (const node of table.get(value) ?? []) if (!found.includes(node) && isWithin(node, top)) found.push(node);
    return found;
  };
}

function isWithin(node: XNode, top: XNode): boolean {
  if (top.kind === 'document') return true;
  for (let n: XNode | null = node; n; n = n.parent) if (n === top) return true;
  return false;
}
