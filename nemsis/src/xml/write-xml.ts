/**
 * Writes a NEMSIS element tree as XML: every element in the NEMSIS namespace (default namespace on
 * the root), the `xsi` prefix declared on the root whenever an `xsi:` attribute is used, attributes
 * (including `xsi:schemaLocation`) kept as written, text and attribute values escaped.
 */
import type { NemsisElement } from '../tree';
import { NEMSIS_NAMESPACE, XSI_NAMESPACE } from './parse-xml';

export interface WriteNemsisXmlOptions {
  /** Indent nested elements by this string (default two spaces); '' writes everything on one line. */
  indent?: string;
  /** Write the `<?xml …?>` declaration (default true). */
  declaration?: boolean;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** XML 1.0 forbids most control characters even when escaped; refuse them rather than write broken XML. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function usesXsi(element: NemsisElement): boolean {
  return Object.keys(element.attributes).some((a) => a.startsWith('xsi:')) || element.children.some(usesXsi);
}

function checkName(name: string): void {
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) throw new Error(`"${name}" is not a valid NEMSIS element or attribute name`);
}

export function writeNemsisXml(root: NemsisElement, options: WriteNemsisXmlOptions = {}): string {
  const indent = options.indent ?? '  ';
  const out: string[] = [];
  if (options.declaration ?? true) out.push('<?xml version="1.0" encoding="UTF-8"?>', indent ? '\n' : '');
  const rootNamespaces = ` xmlns="${NEMSIS_NAMESPACE}"${usesXsi(root) ? ` xmlns:xsi="${XSI_NAMESPACE}"` : ''}`;

  const write = (element: NemsisElement, depth: number, namespaces: string): void => {
    checkName(element.name);
    const pad = indent.repeat(depth);
    let attrs = namespaces;
    for (const [name, value] of Object.entries(element.attributes)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const [prefix, local] = name.includes(':') ? name.split(':', 2) : [undefined, name];
      if (prefix !== undefined && prefix !== 'xsi') throw new Error(`attribute ${name} of ${element.name}: only the xsi: prefix can be written`);
      checkName(local ?? '');
      if (FORBIDDEN.test(value)) throw new Error(`attribute ${name} of ${element.name} contains a character XML cannot carry`);
      attrs += ` ${name}="${escapeAttribute(value)}"`;
    }
    if (element.children.length === 0) {
      const text = element.text ?? '';
      if (FORBIDDEN.test(text)) throw new Error(`${element.name} contains a character XML cannot carry`);
      out.push(text === '' ? `${pad}<${element.name}${attrs}/>` : `${pad}<${element.name}${attrs}>${escapeText(text)}</${element.name}>`);
    } else {
      out.push(`${pad}<${element.name}${attrs}>`);
      for (const child of element.children) {
        if (indent) out.push('\n');
        write(child, depth + 1, '');
      }
      if (indent) out.push('\n');
      out.push(`${pad}</${element.name}>`);
    }
  };
  write(root, 0, rootNamespaces);
  out.push(indent ? '\n' : '');
  return out.join('');
}
