/**
 * The fast path of `parseNemsisXml`: a hand-written scanner for the XML that NEMSIS exporters write
 * (an optional XML declaration, comments, elements, attributes, text, the five predefined entities and
 * character references, namespace declarations with plain prefixes).
 *
 * It never decides that a document is malformed: whenever it meets anything outside that subset or
 * anything doubtful (a DOCTYPE, CDATA, processing instructions, non-ASCII names, `]]>`, a bad character,
 * an unbound prefix, a mismatched or missing end tag, nesting past the limit …) it returns undefined and
 * the caller re-reads the document with the full saxes parser, which produces the error (or the tree).
 * So every document it accepts is well-formed, and it builds exactly the tree the saxes path builds.
 */
import type { NemsisElement } from '../tree';

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export interface ScannedDocument {
  root: NemsisElement;
  /** Namespace URI of the root element ('' when it has none). */
  rootNamespace: string;
}

/** Thrown internally to leave the fast path; never escapes this module. */
class Bail extends Error {}
const BAIL = new Bail('outside the fast path');

const XML_DECLARATION =
  /<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:"1\.0"|'1\.0')(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n]*\?>/y;

/** More attributes than this on one element leave the fast path (no NEMSIS element has more than a few). */
const MAX_FAST_ATTRIBUTES = 32;

const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/** In-scope namespace bindings; a new scope is made only by elements that declare namespaces. */
interface Scope {
  defaultUri: string;
  prefixes: Map<string, string>;
}

/** Characters XML 1.0 forbids (or that need the full parser: any surrogate, checked as pairs there). */
// Control characters are exactly what this expression looks for.
// eslint-disable-next-line no-control-regex
const SUSPECT_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;
const INVALID_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

class Scanner {
  pos = 0;
  line = 1;
  /** Lines are counted lazily up to here (only when an element records its line). */
  countedTo = 0;
  readonly hasCr: boolean;
  /** Next `&` and `]]>` at or after pos (recomputed only when passed, so searching stays linear). */
  nextAmp = -1;
  nextCdataEnd = -1;

  constructor(readonly xml: string) {
    // Every character is checked once, up front; the scanner below then only looks at markup.
    if (SUSPECT_CHAR.test(xml) && INVALID_CHAR.test(xml)) throw BAIL;
    this.hasCr = xml.includes('\r');
  }

  /** The line of `pos` (1-based), counting CR LF and a lone CR as one line end each, as saxes does. */
  lineAt(pos: number): number {
    const xml = this.xml;
    if (this.hasCr) {
      for (let i = this.countedTo; i < pos; i++) {
        const c = xml.charCodeAt(i);
        if (c === 10 || (c === 13 && xml.charCodeAt(i + 1) !== 10)) this.line++;
      }
    } else {
      let i = xml.indexOf('\n', this.countedTo);
      while (i >= 0 && i < pos) {
        this.line++;
        i = xml.indexOf('\n', i + 1);
      }
    }
    this.countedTo = pos;
    return this.line;
  }

  /** True when character data from pos to `end` holds a reference, `]]>` or a CR (the slower path). */
  needsDecoding(end: number): boolean {
    if (this.hasCr) return true;
    const xml = this.xml;
    // -1 = not searched yet or passed; Infinity = none left in the document.
    if (this.nextAmp < this.pos) {
      const at = xml.indexOf('&', this.pos);
      this.nextAmp = at < 0 ? Infinity : at;
    }
    if (this.nextCdataEnd < this.pos) {
      const at = xml.indexOf(']]>', this.pos);
      this.nextCdataEnd = at < 0 ? Infinity : at;
    }
    return this.nextAmp < end || this.nextCdataEnd < end;
  }

  skipSpace(): void {
    const xml = this.xml;
    while (isSpace(xml.charCodeAt(this.pos))) this.pos++;
  }

  /** A name: ASCII NCName, optionally one `prefix:` (anything else leaves the fast path). Returns the end. */
  nameEnd(): number {
    const xml = this.xml;
    let i = this.pos;
    if (!isNameStart(xml.charCodeAt(i))) throw BAIL;
    i++;
    while (isNameChar(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) === 58) {
      i++;
      if (!isNameStart(xml.charCodeAt(i))) throw BAIL;
      i++;
      while (isNameChar(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) === 58) throw BAIL;
    }
    return i;
  }

  /** A comment at `pos` (`<!--` already seen); no `--` inside, only allowed characters. */
  comment(): void {
    const xml = this.xml;
    const start = this.pos + 4;
    const end = xml.indexOf('-->', start);
    if (end < 0 || xml.indexOf('--', start) !== end) throw BAIL;
    this.pos = end + 3;
  }

  /** An entity or character reference at `pos` (`&` seen); returns its replacement text. */
  reference(): string {
    const xml = this.xml;
    const semi = xml.indexOf(';', this.pos + 1);
    if (semi < 0 || semi - this.pos > 12) throw BAIL;
    const name = xml.slice(this.pos + 1, semi);
    this.pos = semi + 1;
    switch (name) {
      case 'amp': return '&';
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      default: break;
    }
    const code = /^#[0-9]+$/.test(name) ? Number(name.slice(1)) : /^#x[0-9A-Fa-f]+$/.test(name) ? parseInt(name.slice(2), 16) : NaN;
    const allowed = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff)
      || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) throw BAIL;
    return String.fromCodePoint(code);
  }

  /** Character data from pos to `end` (the next `<`) with references replaced and line ends normalised. */
  decodeText(end: number): string {
    const xml = this.xml;
    let out = '';
    let from = this.pos;
    for (let i = from; i < end;) {
      const c = xml.charCodeAt(i);
      if (c === 38) {
        out += xml.slice(from, i);
        this.pos = i;
        out += this.reference();
        i = from = this.pos;
        if (i > end) throw BAIL;
      } else if (c === 93 && xml.charCodeAt(i + 1) === 93 && xml.charCodeAt(i + 2) === 62) throw BAIL; // "]]>"
      else i++;
    }
    out += xml.slice(from, end);
    this.pos = end;
    return this.hasCr ? out.replace(/\r\n?/g, '\n') : out;
  }
}

function resolvePrefix(scope: Scope, prefix: string): string {
  if (prefix === 'xml') return XML_NAMESPACE;
  const uri = scope.prefixes.get(prefix);
  if (uri === undefined) throw BAIL;
  return uri;
}

/** Scans `xml`; undefined means "not in the fast-path subset: use the full parser". */
export function scanNemsisXml(xml: string, maxDepth: number): ScannedDocument | undefined {
  try {
    return scan(new Scanner(xml), maxDepth);
  } catch (err) {
    if (err === BAIL) return undefined;
    throw err;
  }
}

function scan(s: Scanner, maxDepth: number): ScannedDocument {
  const xml = s.xml;
  XML_DECLARATION.lastIndex = 0;
  if (xml.startsWith('<?xml')) {
    const decl = XML_DECLARATION.exec(xml);
    if (!decl) throw BAIL;
    s.pos = decl[0].length;
  }
  // Prolog: whitespace and comments only.
  for (;;) {
    s.skipSpace();
    if (xml.startsWith('<!--', s.pos)) s.comment();
    else break;
  }
  if (xml.charCodeAt(s.pos) !== 60) throw BAIL;

  const elements: NemsisElement[] = [];
  /** Start offset and length of each open element's qualified name in the source (end tags are compared there). */
  const nameStarts: number[] = [];
  const nameLengths: number[] = [];
  const scopes: Scope[] = [];
  let scope: Scope = { defaultUri: '', prefixes: new Map() };
  let root: NemsisElement | undefined;
  let rootNamespace = '';
  // Text of the innermost open element since its last child tag: kept as a range of the source and only
  // sliced when it becomes a leaf's value (whitespace between container children is never copied).
  let text: string | undefined;
  let textFrom = -1;
  let textTo = -1;
  const attrNames: string[] = [];
  const attrValues: string[] = [];

  for (;;) {
    // At '<' here.
    const next = xml.charCodeAt(s.pos + 1);
    if (next === 47) {
      // End tag: must close the innermost open element, by the same qualified name.
      const element = elements.pop();
      const nameStart = nameStarts.pop();
      const nameLength = nameLengths.pop();
      if (!element || nameStart === undefined || nameLength === undefined) throw BAIL;
      const at = s.pos + 2;
      for (let k = 0; k < nameLength; k++) if (xml.charCodeAt(at + k) !== xml.charCodeAt(nameStart + k)) throw BAIL;
      s.pos = at + nameLength;
      s.skipSpace();
      if (xml.charCodeAt(s.pos) !== 62) throw BAIL;
      s.pos++;
      if (element.children.length === 0) {
        if (text !== undefined) element.text = text;
        else if (textFrom >= 0) element.text = xml.slice(textFrom, textTo);
      }
      text = undefined;
      textFrom = -1;
      scope = scopes.pop() ?? scope;
      if (elements.length === 0) break;
    } else if (next === 33) {
      if (!xml.startsWith('<!--', s.pos)) throw BAIL; // CDATA, DOCTYPE …
      s.comment();
    } else {
      // Start tag.
      if (elements.length >= maxDepth) throw BAIL;
      s.pos++;
      const nameStart = s.pos;
      const nameEnd = s.nameEnd();
      const qname = xml.slice(nameStart, nameEnd);
      s.pos = nameEnd;
      let attrCount = 0;
      let selfClosing = false;
      for (;;) {
        const before = s.pos;
        s.skipSpace();
        const c = xml.charCodeAt(s.pos);
        if (c === 62) {
          s.pos++;
          break;
        }
        if (c === 47) {
          if (xml.charCodeAt(s.pos + 1) !== 62) throw BAIL;
          s.pos += 2;
          selfClosing = true;
          break;
        }
        if (s.pos === before) throw BAIL; // attributes must be separated by whitespace
        // Duplicates are checked pairwise, so elements with many attributes (hostile input) go to saxes.
        if (attrCount >= MAX_FAST_ATTRIBUTES) throw BAIL;
        const attrEnd = s.nameEnd();
        const attrName = xml.slice(s.pos, attrEnd);
        s.pos = attrEnd;
        s.skipSpace();
        if (xml.charCodeAt(s.pos) !== 61) throw BAIL;
        s.pos++;
        s.skipSpace();
        const quote = xml.charCodeAt(s.pos);
        if (quote !== 34 && quote !== 39) throw BAIL;
        const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", s.pos + 1);
        if (valueEnd < 0) throw BAIL;
        for (let i = s.pos + 1; i < valueEnd; i++) {
          const v = xml.charCodeAt(i);
          // References, '<' and whitespace characters other than space (normalised by XML) leave the fast path.
          if (v < 0x20 || v === 38 || v === 60 || v >= 0xd800) throw BAIL;
        }
        for (let k = 0; k < attrCount; k++) if (attrNames[k] === attrName) throw BAIL;
        attrNames[attrCount] = attrName;
        attrValues[attrCount] = xml.slice(s.pos + 1, valueEnd);
        attrCount++;
        s.pos = valueEnd + 1;
      }
      const element = openElement(qname, attrCount, attrNames, attrValues, elements.length === 0 ? undefined : rootNamespace, scope, s.lineAt(s.pos));
      const parent = elements[elements.length - 1];
      if (parent) parent.children.push(element.node);
      else {
        root = element.node;
        rootNamespace = element.uri;
      }
      text = undefined;
      textFrom = -1;
      if (selfClosing) {
        if (!parent) break;
      } else {
        elements.push(element.node);
        nameStarts.push(nameStart);
        nameLengths.push(nameEnd - nameStart);
        scopes.push(scope);
        scope = element.scope;
      }
    }
    // Content up to the next '<'.
    const lt = xml.indexOf('<', s.pos);
    if (lt < 0) throw BAIL; // unclosed elements
    if (lt > s.pos) {
      if (s.needsDecoding(lt)) {
        const chunk = s.decodeText(lt);
        if (textFrom >= 0) text = xml.slice(textFrom, textTo);
        textFrom = -1;
        text = text === undefined ? chunk : text + chunk;
      } else if (text === undefined && textFrom < 0) {
        textFrom = s.pos;
        textTo = lt;
      } else {
        if (textFrom >= 0) text = xml.slice(textFrom, textTo);
        textFrom = -1;
        text = (text ?? '') + xml.slice(s.pos, lt);
      }
      s.pos = lt;
    }
  }
  // Epilogue: whitespace and comments only.
  for (;;) {
    s.skipSpace();
    if (s.pos >= xml.length) break;
    if (!xml.startsWith('<!--', s.pos)) throw BAIL;
    s.comment();
  }
  if (!root) throw BAIL;
  return { root, rootNamespace };
}

interface OpenedElement {
  node: NemsisElement;
  uri: string;
  scope: Scope;
}

function openElement(
  qname: string,
  count: number,
  names: readonly string[],
  values: readonly string[],
  rootNamespace: string | undefined,
  outer: Scope,
  line: number,
): OpenedElement {
  let scope = outer;
  for (let i = 0; i < count; i++) {
    const name = names[i] as string;
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    const uri = values[i] as string;
    if (uri === '' || uri === XML_NAMESPACE || uri === XMLNS_NAMESPACE) throw BAIL;
    if (scope === outer) scope = { defaultUri: outer.defaultUri, prefixes: new Map(outer.prefixes) };
    if (name === 'xmlns') scope.defaultUri = uri;
    else {
      const prefix = name.slice(6);
      if (prefix === 'xml' || prefix === 'xmlns') throw BAIL;
      scope.prefixes.set(prefix, uri);
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? undefined : qname.slice(0, colon);
  if (prefix === 'xml' || prefix === 'xmlns') throw BAIL;
  const uri = prefix === undefined ? scope.defaultUri : resolvePrefix(scope, prefix);
  const local = colon < 0 ? qname : qname.slice(colon + 1);
  const attributes: Record<string, string> = {};
  let prefixed: string[] | undefined;
  for (let i = 0; i < count; i++) {
    const name = names[i] as string;
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const value = values[i] as string;
    const at = name.indexOf(':');
    if (at < 0) {
      attributes[name] = value;
      continue;
    }
    const attrUri = resolvePrefix(scope, name.slice(0, at));
    const attrLocal = name.slice(at + 1);
    const expanded = `{${attrUri}}${attrLocal}`;
    if (prefixed?.includes(expanded)) throw BAIL; // the same attribute twice under two prefixes
    (prefixed ??= []).push(expanded);
    if (attrUri === XSI_NAMESPACE) attributes[`xsi:${attrLocal}`] = value;
    else attributes[name] = value;
  }
  // Elements outside the root's namespace keep it in Clark notation (`{uri}local`), as in the saxes path.
  const name = rootNamespace !== undefined && uri !== rootNamespace ? `{${uri}}${local}` : local;
  return { node: { name, attributes, children: [], line }, uri, scope };
}
