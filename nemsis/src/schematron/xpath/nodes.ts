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
  /** The source element (elements only). */
  readonly source?: NemsisElement;
  /** Lazily built attribute nodes. */
  attributeNodes?: XNode[];
  /** Lazily built index of element children by name (wide containers only). */
  childIndex?: Map<string, XNode[]>;
  /** Lazily computed string value of a container. */
  stringValueCache?: string;
}

/** A document wrapped for XPath: its nodes, and elements indexed by local name. */
export interface XDocument {
  readonly root: XNode;
  /** Every element in document order. */
  readonly elements: XNode[];
  /** Elements by local name, each list in document order. */
  readonly byName: Map<string, XNode[]>;
}

let nextDocumentId = 0;

/** Wraps a NEMSIS element tree (the root element) in a document node for XPath evaluation. */
export function buildDocument(rootElement: NemsisElement): XDocument {
  const doc = nextDocumentId;
  nextDocumentId = (nextDocumentId + 1) % 2 ** 30;
  let order = 0;
  const elements: XNode[] = [];
  const byName = new Map<string, XNode[]>();
  const root: XNode = { kind: 'document', name: '', parent: null, doc, children: [], order: order++, index: 0, text: '', hasAttributes: false };
  const stack: { element: NemsisElement; parent: XNode; index: number }[] = [{ element: rootElement, parent: root, index: 0 }];
  while (stack.length > 0) {
    const { element, parent, index } = stack.pop() as { element: NemsisElement; parent: XNode; index: number };
    const node: XNode = {
      kind: 'element',
      name: element.name,
      parent,
      doc,
      children: [],
      order: order++,
      index,
      text: element.children.length === 0 ? (element.text ?? '') : '',
      hasAttributes: hasAnyKey(element.attributes),
      source: element,
    };
    parent.children.push(node);
    elements.push(node);
    const list = byName.get(node.name);
    if (list) list.push(node);
    else byName.set(node.name, [node]);
    for (let i = element.children.length - 1; i >= 0; i--) {
      stack.push({ element: element.children[i] as NemsisElement, parent: node, index: i });
    }
  }
  return { root, elements, byName };
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
      attrs.push({ kind: 'attribute', name, parent: node, doc: node.doc, children: [], hasAttributes: false, order: node.order + (i + 1) / (entries.length + 1), index: i, text: value });
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
