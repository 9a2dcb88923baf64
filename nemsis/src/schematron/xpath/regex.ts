import { XPathDynamicError } from './errors';

const cache = new Map<string, RegExp>();

/**
 * Translates an XML Schema / XPath regular expression to a JavaScript RegExp (unicode mode). Covers
 * what rule files use: classes, quantifiers, anchors, `\d \s \w \p{..}`, and the XSD escapes
 * `\i \c` (approximated by name-start / name characters). Flags: s m i x.
 */
export function compileXPathRegex(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (/[^smix]/.test(flags)) throw new XPathDynamicError('FORX0001', `invalid regular expression flags "${flags}"`);
  let source = flags.includes('x') ? pattern.replace(/\s+/g, '') : pattern;
  source = source
    .replace(/\\i/g, '[A-Za-z_:\\u00C0-\\uFFFF]')
    .replace(/\\I/g, '[^A-Za-z_:\\u00C0-\\uFFFF]')
    .replace(/\\c/g, '[A-Za-z0-9._:\\-\\u00B7\\u00C0-\\uFFFF]')
    .replace(/\\C/g, '[^A-Za-z0-9._:\\-\\u00B7\\u00C0-\\uFFFF]')
    .replace(/\\p\{Is([A-Za-z]+)\}/g, '\\p{Script=$1}');
  let regex: RegExp;
  try {
    regex = new RegExp(source, `u${flags.replace(/x/g, '')}`);
  } catch (err) {
    throw new XPathDynamicError('FORX0002', `invalid regular expression "${pattern}": ${(err as Error).message}`);
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, regex);
  return regex;
}
