import { describe, expect, it } from 'vitest';
import { compileXsdPattern, XsdRegexError } from './xsd-regex';

const matches = (pattern: string, value: string): boolean => compileXsdPattern(pattern).test(value);

describe('XSD pattern translation', () => {
  it('anchors every pattern to the whole value', () => {
    expect(matches('[0-9]{5}', '12345')).toBe(true);
    expect(matches('[0-9]{5}', '123456')).toBe(false);
    expect(matches('[0-9]{5}|[A-Z]', 'x12345')).toBe(false);
  });

  it('treats ^ and $ as ordinary characters and . as anything but a line break', () => {
    expect(matches('a^b$', 'a^b$')).toBe(true);
    expect(matches('.+@.+', 'a@b')).toBe(true);
    expect(matches('.+@.+', 'a\n@b')).toBe(false);
  });

  it('supports \\i and \\c (XML name characters) and their negations', () => {
    expect(matches('\\i\\c*', 'eVitals.06')).toBe(true);
    expect(matches('\\i\\c*', '6eVitals')).toBe(false);
    expect(matches('\\I', '6')).toBe(true);
    expect(matches('[\\i-[:]]\\c*', ':x')).toBe(false);
  });

  it('supports character class subtraction', () => {
    expect(matches('[a-z-[aeiou]]+', 'rhythm')).toBe(true);
    expect(matches('[a-z-[aeiou]]+', 'vitals')).toBe(false);
    expect(matches('[0-9A-HJ-NP-Z]{3,7}', 'ABC12')).toBe(true);
    expect(matches('[0-9A-HJ-NP-Z]{3,7}', 'ABI12')).toBe(false);
  });

  it('handles escapes, hyphens and Unicode categories', () => {
    expect(matches('(\\+|-)?9', '-9')).toBe(true);
    expect(matches('a\\-b', 'a-b')).toBe(true);
    expect(matches('[+-]', '-')).toBe(true);
    expect(matches('\\d+', '٣')).toBe(true);
    expect(matches('\\p{Lu}+', 'ABC')).toBe(true);
    expect(matches('\\p{Lu}+', 'AbC')).toBe(false);
  });

  it('refuses Unicode block escapes with a clear error', () => {
    expect(() => compileXsdPattern('\\p{IsBasicLatin}')).toThrow(XsdRegexError);
  });
});
