/**
 * Translates XML Schema regular expressions into JavaScript ones.
 *
 * XSD patterns are implicitly anchored (they must match the whole value), `^` and `$` are ordinary
 * characters, `.` excludes only CR and LF, `\d` `\w` and `\p{…}` are Unicode-aware, `\i` `\c` (and their
 * negations) name XML name characters, and a character class may subtract another: `[a-z-[aeiou]]`.
 */

const NAME_START = 'A-Z_a-z:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

/** Escapes inside a character class: their meaning when used alone ([…] or [^…]). */
const CLASS_ESCAPES: Record<string, { inClass: string; negated: boolean }> = {
  d: { inClass: '\\p{Nd}', negated: false },
  D: { inClass: '\\p{Nd}', negated: true },
  w: { inClass: '\\p{L}\\p{M}\\p{N}\\p{S}\\p{Pc}', negated: false },
  W: { inClass: '\\p{L}\\p{M}\\p{N}\\p{S}\\p{Pc}', negated: true },
  s: { inClass: ' \\t\\n\\r', negated: false },
  S: { inClass: ' \\t\\n\\r', negated: true },
  i: { inClass: NAME_START, negated: false },
  I: { inClass: NAME_START, negated: true },
  c: { inClass: NAME_CHAR, negated: false },
  C: { inClass: NAME_CHAR, negated: true },
};

export class XsdRegexError extends Error {
  override name = 'XsdRegexError';
}

interface Cursor {
  source: string;
  pos: number;
}

function readEscape(cur: Cursor): string {
  // cur.pos is just after the backslash.
  const ch = cur.source[cur.pos];
  if (ch === undefined) throw new XsdRegexError('pattern ends with a backslash');
  cur.pos++;
  if (ch === 'p' || ch === 'P') {
    const close = cur.source.indexOf('}', cur.pos);
    if (cur.source[cur.pos] !== '{' || close < 0) throw new XsdRegexError(`bad \\${ch} escape`);
    const name = cur.source.slice(cur.pos + 1, close);
    cur.pos = close + 1;
    if (name.startsWith('Is')) throw new XsdRegexError(`Unicode block escapes (\\${ch}{${name}}) are not supported`);
    return `\\${ch}{${name}}`;
  }
  if (ch === '-') return '\\x2D';
  return `\\${ch}`;
}

/** Reads a character class starting at `[`; returns a JS fragment matching one character. */
function readClass(cur: Cursor): string {
  cur.pos++; // [
  let negated = false;
  if (cur.source[cur.pos] === '^') {
    negated = true;
    cur.pos++;
  }
  const positive: string[] = [];
  const negatives: string[] = []; // whole-class escapes such as \S used inside a class
  let subtraction: string | undefined;
  let first = true;
  for (;;) {
    const ch = cur.source[cur.pos];
    if (ch === undefined) throw new XsdRegexError('unterminated character class');
    if (ch === ']' && !first) {
      cur.pos++;
      break;
    }
    if (ch === '-' && cur.source[cur.pos + 1] === '[') {
      cur.pos++;
      subtraction = readClass(cur);
      if (cur.source[cur.pos] !== ']') throw new XsdRegexError('a class subtraction must end the class');
      cur.pos++;
      break;
    }
    if (ch === '\\') {
      cur.pos++;
      const letter = cur.source[cur.pos] ?? '';
      const known = CLASS_ESCAPES[letter];
      if (known) {
        cur.pos++;
        if (known.negated) negatives.push(`[^${known.inClass}]`);
        else positive.push(known.inClass);
      } else positive.push(readEscape(cur));
    } else if (ch === '[') {
      throw new XsdRegexError('"[" must be escaped inside a character class');
    } else {
      if (ch === '-') positive.push(positive.length === 0 || cur.source[cur.pos + 1] === ']' ? '\\x2D' : '-');
      else positive.push(ch === '^' || ch === '/' ? `\\${ch}` : ch);
      cur.pos++;
    }
    first = false;
  }
  const body = positive.join('');
  let alternatives = [body ? `[${body}]` : '', ...negatives].filter(Boolean);
  if (alternatives.length === 0) alternatives = ['[]'];
  let single = alternatives.length === 1 ? (alternatives[0] ?? '[]') : `(?:${alternatives.join('|')})`;
  if (negated) single = `(?:(?!${single})[^])`;
  if (subtraction) single = `(?:(?!${subtraction})${single})`;
  return single;
}

/** Translates one XSD pattern into the source of an equivalent anchored JS RegExp (flag `u`). */
export function translateXsdPattern(pattern: string): string {
  const cur: Cursor = { source: pattern, pos: 0 };
  let out = '';
  while (cur.pos < pattern.length) {
    const ch = pattern[cur.pos] ?? '';
    if (ch === '\\') {
      cur.pos++;
      const letter = pattern[cur.pos] ?? '';
      const known = CLASS_ESCAPES[letter];
      if (known) {
        cur.pos++;
        out += known.negated ? `[^${known.inClass}]` : `[${known.inClass}]`;
      } else out += readEscape(cur);
    } else if (ch === '[') out += readClass(cur);
    else if (ch === '.') {
      out += '[^\\n\\r]';
      cur.pos++;
    } else if (ch === '^' || ch === '$') {
      out += `\\${ch}`;
      cur.pos++;
    } else if (ch === '(') {
      out += '(?:';
      cur.pos++;
    } else {
      out += ch;
      cur.pos++;
    }
  }
  return `^(?:${out})$`;
}

const cache = new Map<string, RegExp>();

/** Compiled, anchored, cached JS RegExp for an XSD pattern. */
export function compileXsdPattern(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(translateXsdPattern(pattern), 'u');
    cache.set(pattern, re);
  }
  return re;
}
