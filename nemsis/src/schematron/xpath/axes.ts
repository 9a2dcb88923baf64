import { REVERSE_AXES, type Axis, type NodeTest } from './ast';
import { attributesOf, localNameOf, sharedName, type ChildIndex, type XNode } from './nodes';

/** A node test; element name tests also carry the name, so child steps can use the per-node name index. */
export type NodePredicate = ((node: XNode) => boolean) & { elementName?: string };

/** Compiles a node test for an axis (the attribute axis's principal node kind is attribute). */
export function compileNodeTest(test: NodeTest, axis: Axis): NodePredicate {
  const principal = axis === 'attribute' ? 'attribute' : 'element';
  switch (test.kind) {
    case 'name':
      if (principal === 'element') {
        const local = sharedName(test.local);
        const byName: NodePredicate = (n) => n.kind === 'element' && n.name === local;
        byName.elementName = local;
        return byName;
      }
      return (n) => n.kind === 'attribute' && localNameOf(n) === test.local && n.name.includes(':') === test.prefixed;
    case 'any-name':
      return (n) => n.kind === principal;
    case 'node':
      return () => true;
    case 'text':
      return () => false;
    case 'element':
      return (n) => n.kind === 'element' && (test.local === undefined || n.name === test.local);
    case 'attribute':
      return (n) => n.kind === 'attribute' && (test.local === undefined || localNameOf(n) === test.local);
    case 'document':
      return (n) => n.kind === 'document';
  }
}

function pushDescendants(node: XNode, out: XNode[], test: NodePredicate): void {
  for (const child of node.children) {
    if (test(child)) out.push(child);
    if (child.children.length > 0) pushDescendants(child, out, test);
  }
}

const EMPTY_NODES: XNode[] = [];

/** Children with a local name, from an index built on first use (wide containers are scanned once). */
function childrenNamed(node: XNode, name: string): XNode[] {
  let index = node.childIndex;
  if (!index) {
    // A null-prototype object, not a Map: property keys are internalized, so repeated lookups by the
    // same name strings compare pointers instead of characters.
    index = Object.create(null) as ChildIndex;
    for (const child of node.children) {
      const list = index[child.name];
      if (list) list.push(child);
      else index[child.name] = [child];
    }
    node.childIndex = index;
  }
  return index[name] ?? EMPTY_NODES;
}

function rootOf(node: XNode): XNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/**
 * The nodes of an axis that pass a test, in axis order (reverse document order for reverse axes,
 * so that positional predicates count from the context node outwards).
 */
export function selectAxis(axis: Axis, node: XNode, test: NodePredicate, limit = Infinity): XNode[] {
  const out: XNode[] = [];
  switch (axis) {
    case 'child':
      if (test.elementName !== undefined && node.children.length > 8) {
        const named = childrenNamed(node, test.elementName);
        return limit < named.length ? named.slice(0, limit) : named;
      }
      for (const child of node.children) {
        if (test(child)) out.push(child);
        if (out.length >= limit) break;
      }
      return out;
    case 'attribute':
      for (const attr of attributesOf(node)) if (test(attr)) out.push(attr);
      return out;
    case 'self':
      if (test(node)) out.push(node);
      return out;
    case 'parent':
      if (node.parent && test(node.parent)) out.push(node.parent);
      return out;
    case 'descendant':
      pushDescendants(node, out, test);
      return out;
    case 'descendant-or-self':
      if (test(node)) out.push(node);
      pushDescendants(node, out, test);
      return out;
    case 'ancestor':
    case 'ancestor-or-self':
      for (let n: XNode | null = axis === 'ancestor' ? node.parent : node; n && out.length < limit; n = n.parent) if (test(n)) out.push(n);
      return out;
    case 'following-sibling':
    case 'preceding-sibling': {
      if (node.kind !== 'element' || !node.parent) return out;
      const siblings = node.parent.children;
      if (axis === 'following-sibling') {
        for (let i = node.index + 1; i < siblings.length && out.length < limit; i++) if (test(siblings[i] as XNode)) out.push(siblings[i] as XNode);
      } else {
        for (let i = node.index - 1; i >= 0 && out.length < limit; i--) if (test(siblings[i] as XNode)) out.push(siblings[i] as XNode);
      }
      return out;
    }
    case 'following':
    case 'preceding': {
      const all: XNode[] = [];
      pushDescendants(rootOf(node), all, test);
      const anchor = node.kind === 'attribute' && node.parent ? node.parent : node;
      const ancestors = new Set<XNode>();
      for (let n: XNode | null = anchor.parent; n; n = n.parent) ancestors.add(n);
      if (axis === 'following') {
        const lastDescendant = lastDescendantOrder(anchor);
        for (const n of all) if (n.order > lastDescendant) out.push(n);
        return out;
      }
      for (let i = all.length - 1; i >= 0; i--) {
        const n = all[i] as XNode;
        if (n.order < anchor.order && !ancestors.has(n)) out.push(n);
      }
      return out;
    }
  }
}

function lastDescendantOrder(node: XNode): number {
  let n = node;
  while (n.children.length > 0) n = n.children[n.children.length - 1] as XNode;
  return n.order;
}

export function isReverseAxis(axis: Axis): boolean {
  return REVERSE_AXES.has(axis);
}
