import type { NemsisElement } from '../../tree';

/**
 * A node of a document the XPath engine walks: the document node, an element or an attribute.
 * Built once per validated document from the `NemsisElement` tree; parent links and document
 * order make the reverse axes and sorting cheap.
 */
export interface XNode {
  readonly kind: 'document' | 'element' | 'attribute';
  /** Local name for elements, qualified name as written for attributes (`xsi:nil`), '' for the document. */
  readonly name: string;
  readonly parent: XNode | null;
  /** Element children in document order (empty for attributes and leaves). */
  readonly children: XNode[];
  /** Which document the node belongs to (documents are ordered by this id, then by `order`). */
  readonly doc: number;
  /** Position in document order within its document. */
  readonly order: number;
  /** 0-based index among the parent's element children. */
  readonly index: number;
  /** Character content of a leaf element or an attribute's value. */
  readonly text: string;
  /** Whether the element carries any attribute. */
  readonly hasAttributes: boolean;
  /** A small number standing for the element's name (see `nameIdOf`), or -1 when it has none. */
  readonly nameId: number;
  /** The source element (elements only). */
  readonly source?: NemsisElement;
  /** Lazily built attribute nodes. */
  attributeNodes?: XNode[];
  /** Lazily built index of element children by name (wide containers only). */
  childIndex?: ChildIndex | undefined;
  /** Lazily computed string value of a container. */
  stringValueCache?: string;
}

/** Element children by local name (a null-prototype object). */
export type ChildIndex = Record<string, XNode[] | undefined>;

/** A document wrapped for XPath: its nodes, and elements indexed by local name. */
export interface XDocument {
  readonly root: XNode;
  /** Every element in document order. */
  readonly elements: XNode[];
  /** Elements by local name, each list in document order. */
  readonly byName: Map<string, XNode[]>;
}

let nextDocumentId = 0;

/** A document built from a NEMSIS tree; `elements` and `byName` are only listed when first asked for. */
class BuiltDocument implements XDocument {
  private elementsCache: XNode[] | undefined = undefined;
  private byNameCache: Map<string, XNode[]> | undefined = undefined;

  constructor(readonly root: XNode) {}

  get elements(): XNode[] {
    if (this.elementsCache) return this.elementsCache;
    const elements: XNode[] = [];
    const add = (node: XNode): void => {
      elements.push(node);
      for (const child of node.children) add(child);
    };
    for (const child of this.root.children) add(child);
    this.elementsCache = elements;
    return elements;
  }

  get byName(): Map<string, XNode[]> {
    if (this.byNameCache) return this.byNameCache;
    const byName = new Map<string, XNode[]>();
    for (const node of this.elements) {
      const list = byName.get(node.name);
      if (list) list.push(node);
      else byName.set(node.name, [node]);
    }
    this.byNameCache = byName;
    return byName;
  }
}

/** The children of every leaf, attribute and childless node: one shared array that is never written to. */
const NO_CHILDREN: XNode[] = [];

/** Every node is created with the same fields in the same order, so V8 keeps one object shape for all. */
function createNode(kind: XNode['kind'], name: string, nameId: number, parent: XNode | null, doc: number, order: number, index: number, text: string, hasAttributes: boolean, source: NemsisElement | undefined, children: XNode[]): XNode {
  return { kind, name, parent, children, doc, order, index, text, hasAttributes, nameId, source, attributeNodes: undefined, childIndex: undefined, stringValueCache: undefined };
}

/**
 * Element names seen so far, each with a small number, across documents. Bounded, so hostile input with
 * endless distinct names cannot grow it without limit (later names get -1). Nodes share one string per
 * name and carry its number, so rule dispatch indexes an array instead of hashing the name again.
 */
const NAME_IDS: Record<string, number | undefined> = Object.create(null) as Record<string, number | undefined>;
const NAME_STRINGS: string[] = [];
const MAX_NAMES = 4096;

/** The number of an element name, or -1 once the table is full (names outside it are still matched by text). */
export function nameIdOf(name: string): number {
  const known = NAME_IDS[name];
  if (known !== undefined) return known;
  if (NAME_STRINGS.length >= MAX_NAMES) return -1;
  const id = NAME_STRINGS.length;
  NAME_IDS[name] = id;
  // Keep the internalized copy the table's key holds, so that comparisons with it are pointer checks.
  let shared = name;
  for (const key in { [name]: 0 }) shared = key;
  NAME_STRINGS.push(shared);
  return id;
}

/**
 * Per parent name number, the name numbers of the children seen at each position last time. Records
 * share their structure, so the name at a position is usually the one seen there before: one string
 * comparison (often settled by the lengths or the hashes) instead of a table lookup. Bounded like the
 * name table, and to the first CHILD_POSITIONS positions.
 */
const EXPECTED_CHILDREN: (number[] | undefined)[] = [];
const CHILD_POSITIONS = 256;

function childNameId(parentId: number, index: number, name: string): number {
  if (parentId < 0 || index >= CHILD_POSITIONS) return nameIdOf(name);
  let expected = EXPECTED_CHILDREN[parentId];
  if (expected === undefined) {
    expected = [];
    EXPECTED_CHILDREN[parentId] = expected;
  }
  const guess = index < expected.length ? (expected[index] as number) : -1;
  if (guess >= 0 && NAME_STRINGS[guess] === name) return guess;
  const id = nameIdOf(name);
  if (index <= expected.length) {
    if (index === expected.length) expected.push(id);
    else expected[index] = id;
  }
  return id;
}

/**
 * The one string the name table keeps for a name (the name itself once the table is full). Name tests
 * compiled from rules use it, so comparing them with node names usually compares two identical pointers.
 */
export function sharedName(name: string): string {
  const id = nameIdOf(name);
  return id < 0 ? name : (NAME_STRINGS[id] as string);
}

/** Wraps a NEMSIS element tree (the root element) in a document node for XPath evaluation. */
export function buildDocument(rootElement: NemsisElement): XDocument {
  const doc = nextDocumentId;
  nextDocumentId = (nextDocumentId + 1) % 2 ** 30;
  let order = 0;
  const root = createNode('document', '', -1, null, doc, 0, 0, '', false, undefined, []);
  // Leaves (most elements) share NO_CHILDREN; a container's list is filled as its children are built.
  const add = (element: NemsisElement, parent: XNode, index: number): XNode => {
    const children = element.children;
    const count = children.length;
    const nameId = childNameId(parent.nameId, index, element.name);
    const name = nameId < 0 ? element.name : (NAME_STRINGS[nameId] as string);
    const node = createNode('element', name, nameId, parent, doc, ++order, index, count === 0 ? (element.text ?? '') : '', hasAnyKey(element.attributes), element, count === 0 ? NO_CHILDREN : []);
    if (count > 0) {
      const list = node.children;
      for (let i = 0; i < count; i++) list.push(add(children[i] as NemsisElement, node, i));
    }
    return node;
  };
  root.children.push(add(rootElement, root, 0));
  return new BuiltDocument(root);
}

function hasAnyKey(record: Record<string, string>): boolean {
  for (const _ in record) return true;
  return false;
}

/** Attribute nodes of an element (namespace declarations are not attributes). */
export function attributesOf(node: XNode): XNode[] {
  if (node.attributeNodes) return node.attributeNodes;
  const attrs: XNode[] = [];
  if (node.kind === 'element' && node.source) {
    const entries = Object.entries(node.source.attributes);
    entries.forEach(([name, value], i) => {
      attrs.push(createNode('attribute', name, -1, node, node.doc, node.order + (i + 1) / (entries.length + 1), i, value, false, undefined, NO_CHILDREN));
    });
  }
  node.attributeNodes = attrs;
  return attrs;
}

/** The XPath string value: text of a leaf or attribute, concatenated descendant text of a container. */
export function stringValue(node: XNode): string {
  if (node.kind === 'attribute' || node.children.length === 0) return node.text;
  if (node.stringValueCache !== undefined) return node.stringValueCache;
  let value = '';
  for (const child of node.children) value += stringValue(child);
  node.stringValueCache = value;
  return value;
}

/** Local name of an element or attribute (`xsi:nil` → `nil`). */
export function localNameOf(node: XNode): string {
  const colon = node.name.indexOf(':');
  return colon < 0 ? node.name : node.name.slice(colon + 1);
}

export function isNode(item: unknown): item is XNode {
  return typeof item === 'object' && item !== null && (item as { order?: unknown }).order !== undefined;
}

/**
 * The location of a node without namespace noise: `/EMSDataSet[1]/Header[1]/…/eTimes.03[1]`, each step
 * indexed among same-named siblings; attributes end in `/@NV`.
 */
export function locationOf(node: XNode): string {
  if (node.kind === 'document') return '/';
  const steps: string[] = [];
  let current: XNode | null = node;
  while (current && current.kind !== 'document') {
    if (current.kind === 'attribute') steps.push(`@${current.name}`);
    else {
      let position = 1;
      const siblings = current.parent?.children ?? [];
      for (let i = 0; i < current.index; i++) if (siblings[i]?.name === current.name) position++;
      steps.push(`${current.name}[${position}]`);
    }
    current = current.parent;
  }
  return `/${steps.reverse().join('/')}`;
}

/** Document order comparator. */
export function compareDocumentOrder(a: XNode, b: XNode): number {
  return a.doc - b.doc || a.order - b.order;
}
