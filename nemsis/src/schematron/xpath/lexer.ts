import { XPathSyntaxError } from './errors';

/** One XPath 2.0 token. `name` covers QNames, `prefix:*`, `*:local`; `*` alone is a `symbol`. */
export type Token =
  | { kind: 'name'; value: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'variable'; value: string; pos: number }
  | { kind: 'symbol'; value: string; pos: number }
  | { kind: 'end'; value: ''; pos: number };

const SYMBOLS = ['!=', '<=', '>=', '<<', '>>', '//', '::', '..', '(', ')', '[', ']', ',', '/', '@', '.', '=', '<', '>', '+', '-', '*', '|', '?'];

function isNameStart(ch: string): boolean {
  return /[A-Za-z_\u00C0-\uFFFF]/.test(ch);
}

function isNameChar(ch: string): boolean {
  return /[A-Za-z0-9_.\-\u00B7\u00C0-\uFFFF]/.test(ch);
}

function readNcName(text: string, start: number): number {
  let i = start;
  while (i < text.length && isNameChar(text[i] ?? '')) i++;
  return i;
}

/** Splits an XPath 2.0 expression into tokens (comments `(: … :)` are skipped). */
export function tokenizeXPath(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (text.startsWith('(:', i)) {
      i = skipComment(text, i);
      continue;
    }
    if (ch === '"' || ch === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', value, pos: i });
      i = end;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
      const lexeme = m?.[0] ?? ch;
      tokens.push({ kind: 'number', value: Number(lexeme), pos: i });
      i += lexeme.length;
      continue;
    }
    if (ch === '$') {
      const end = readQName(text, i + 1);
      if (end === i + 1) throw new XPathSyntaxError(`expected a variable name after $`, text, i);
      tokens.push({ kind: 'variable', value: text.slice(i + 1, end), pos: i });
      i = end;
      continue;
    }
    if (ch === '*' && text[i + 1] === ':' && isNameStart(text[i + 2] ?? '')) {
      const end = readNcName(text, i + 2);
      tokens.push({ kind: 'name', value: text.slice(i, end), pos: i });
      i = end;
      continue;
    }
    if (isNameStart(ch)) {
      const end = readQName(text, i);
      tokens.push({ kind: 'name', value: text.slice(i, end), pos: i });
      i = end;
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (!symbol) throw new XPathSyntaxError(`unexpected character '${ch}'`, text, i);
    tokens.push({ kind: 'symbol', value: symbol, pos: i });
    i += symbol.length;
  }
  tokens.push({ kind: 'end', value: '', pos: text.length });
  return tokens;
}

/** Reads `ncname`, `prefix:ncname` or `prefix:*` (but not an axis `name::`). */
function readQName(text: string, start: number): number {
  let end = readNcName(text, start);
  if (text[end] === ':' && text[end + 1] !== ':') {
    if (text[end + 1] === '*') return end + 2;
    if (isNameStart(text[end + 1] ?? '')) end = readNcName(text, end + 1);
  }
  return end;
}

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) throw new XPathSyntaxError('unterminated string literal', text, start);
    const c = text[i];
    if (c === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
}

function skipComment(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith('(:', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith(':)', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  throw new XPathSyntaxError('unterminated comment', text, start);
}
