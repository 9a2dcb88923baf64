import { SaxesParser } from 'saxes';

/** A namespace-aware XML element with mixed content, used to read .sch files. */
export interface XmlElement {
  type: 'element';
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlContent[];
}

export type XmlContent = XmlElement | { type: 'text'; text: string };

export const SCH_NS = 'http://purl.oclc.org/dsdl/schematron';
export const XSL_NS = 'http://www.w3.org/1999/XSL/Transform';

/** A .sch text that cannot be read or uses a feature the engine does not implement. */
export class SchematronCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchematronCompileError';
  }
}

/** Parses XML into a mixed-content tree (comments and processing instructions dropped; DOCTYPE refused). */
export function parseXmlTree(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('doctype', () => {
    throw new SchematronCompileError('DOCTYPE declarations are not allowed in Schematron files');
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [qname, attr] of Object.entries(tag.attributes)) {
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      attributes[qname] = typeof attr === 'string' ? attr : attr.value;
    }
    const element: XmlElement = { type: 'element', uri: tag.uri ?? '', local: tag.local ?? tag.name, attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  const onText = (text: string): void => {
    stack[stack.length - 1]?.children.push({ type: 'text', text });
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (err) => {
    failure ??= err;
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof SchematronCompileError) throw err;
    throw new SchematronCompileError(`malformed Schematron XML: ${(err as Error).message} (line ${parser.line})`);
  }
  if (failure) throw new SchematronCompileError(`malformed Schematron XML: ${failure.message}`);
  if (!root) throw new SchematronCompileError('the Schematron file has no root element');
  return root;
}

export function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.type === 'element');
}

export function textContent(element: XmlElement): string {
  return element.children.map((c) => (c.type === 'text' ? c.text : textContent(c))).join('');
}
