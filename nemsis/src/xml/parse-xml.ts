import { SaxesParser } from 'saxes';
import type { NemsisElement } from '../tree';
import { scanNemsisXml } from './scan-xml';

export const NEMSIS_NAMESPACE = 'http://www.nemsis.org';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** Why a document could not be read; carries the line where the parser stopped. */
export class NemsisXmlError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line})`);
    this.name = 'NemsisXmlError';
  }
}

export interface ParseNemsisXmlOptions {
  /**
   * Refuse documents longer than this many characters (default 32 Mi characters — about 1,500 typical
   * PatientCareReports; split bigger batches per report). The check runs before any parsing.
   */
  maxLength?: number;
  /** Refuse documents nested deeper than this (default 64). */
  maxDepth?: number;
  /** Require the root element to be in the NEMSIS namespace (default true). */
  requireNemsisNamespace?: boolean;
}

/**
 * Parses a NEMSIS XML document into the element tree.
 *
 * Safe on hostile input: a DOCTYPE is refused outright (so no entity expansion — the
 * billion-laughs bomb is a clear error, not a memory blow-up), and size and depth are bounded.
 */
export function parseNemsisXml(xml: string, options: ParseNemsisXmlOptions = {}): NemsisElement {
  const maxLength = options.maxLength ?? 32 * 1024 * 1024;
  const maxDepth = options.maxDepth ?? 64;
  if (xml.length > maxLength) {
    throw new NemsisXmlError(`document is ${xml.length} characters; the limit is ${maxLength}`);
  }
  const requireNemsis = options.requireNemsisNamespace ?? true;
  // Fast path for the XML exporters write; anything else (and every malformed document) goes to saxes.
  const scanned = scanNemsisXml(xml, maxDepth);
  if (scanned) {
    if (requireNemsis && scanned.rootNamespace !== NEMSIS_NAMESPACE) throw wrongNamespace(scanned.root.name, scanned.rootNamespace);
    return scanned.root;
  }
  return parseWithSaxes(xml, maxDepth, requireNemsis);
}

function wrongNamespace(rootName: string, namespace: string | undefined): NemsisXmlError {
  return new NemsisXmlError(`root element <${rootName}> is in namespace "${namespace ?? ''}", expected "${NEMSIS_NAMESPACE}"`);
}

/** The full parser (saxes): every document the fast path declines, and every error message. Exported for tests. */
export function parseWithSaxes(xml: string, maxDepth: number, requireNemsis: boolean): NemsisElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: NemsisElement[] = [];
  let root: NemsisElement | undefined;
  let rootNamespace: string | undefined;
  let failure: NemsisXmlError | undefined;

  parser.on('doctype', () => {
    throw new NemsisXmlError('DOCTYPE declarations are not allowed in NEMSIS documents', parser.line);
  });
  // Text of the innermost open element since its last child tag. Containers keep no text (whitespace
  // between children is not content), so one variable suffices and no node ever loses a property — every
  // node keeps the same object shape, which keeps property access fast for the validators.
  let text: string | undefined;
  parser.on('opentag', (tag) => {
    if (stack.length >= maxDepth) {
      throw new NemsisXmlError(`elements nested deeper than ${maxDepth}`, parser.line);
    }
    const attributes: Record<string, string> = {};
    const tagAttributes = tag.attributes;
    for (const qname in tagAttributes) {
      const attr = tagAttributes[qname];
      if (attr === undefined || qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      if (typeof attr === 'string') attributes[qname] = attr;
      // XML Schema instance attributes are keyed `xsi:…` whatever prefix the document bound.
      else if (attr.uri === XSI_NAMESPACE) attributes[`xsi:${attr.local}`] = attr.value;
      else attributes[qname] = attr.value;
    }
    // Elements outside the NEMSIS namespace keep it in Clark notation (`{uri}local`) so validation sees them as foreign.
    const foreign = stack.length > 0 && tag.uri !== rootNamespace;
    const local = tag.local ?? tag.name;
    const name = foreign ? `{${tag.uri ?? ''}}${local}` : local;
    const element: NemsisElement = { name, attributes, children: [], line: parser.line };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else {
      root = element;
      rootNamespace = tag.uri;
    }
    stack.push(element);
    text = undefined;
  });
  const onText = (chunk: string): void => {
    if (stack.length > 0) text = text === undefined ? chunk : text + chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element && element.children.length === 0 && text !== undefined) element.text = text;
    text = undefined;
  });
  parser.on('error', (err) => {
    failure ??= new NemsisXmlError(`malformed XML: ${err.message}`, parser.line);
  });

  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof NemsisXmlError) throw err;
    throw new NemsisXmlError(`malformed XML: ${(err as Error).message}`, parser.line);
  }
  if (failure) throw failure;
  if (!root) throw new NemsisXmlError('the document has no root element');
  if (requireNemsis && rootNamespace !== NEMSIS_NAMESPACE) throw wrongNamespace(root.name, rootNamespace);
  return root;
}
