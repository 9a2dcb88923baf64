import type { NemsisElement } from '../tree';

/**
 * A Schematron schema as plain data (JSON-serialisable): what `parseSchematron` reads from a .sch
 * file and what `compileSchematronSchema` turns into executable rules. The national rules are
 * committed in this form under `src/generated/schematron/`, so the browser never parses XML for them.
 */
export interface SchematronSchema {
  id?: string;
  title?: string;
  schemaVersion?: string;
  queryBinding: string;
  /** `sch:ns` declarations (prefix → URI); element names are matched by local name. */
  namespaces: Record<string, string>;
  /** Global `sch:let` and `xsl:variable` declarations, in document order. */
  variables: SchematronVariable[];
  /** `xsl:key` declarations. */
  keys: SchematronKey[];
  patterns: SchematronPattern[];
}

export interface SchematronVariable {
  name: string;
  /** XPath of `sch:let/@value` or `xsl:variable/@select`. */
  select?: string;
  /** Literal content of an `xsl:variable` without `select` (a temporary tree, e.g. a lookup table). */
  content?: NemsisElement[];
}

export interface SchematronKey {
  name: string;
  match: string;
  use: string;
}

export interface SchematronPattern {
  id?: string;
  title?: string;
  rules: SchematronRule[];
}

export interface SchematronRule {
  id?: string;
  context: string;
  lets: { name: string; value: string }[];
  checks: SchematronCheck[];
}

/** One part of an assert's message: literal text, `<sch:value-of select>` or `<sch:name path?>`. */
export type MessagePart = string | { kind: 'value-of'; select: string } | { kind: 'name'; path: string | null };

export interface SchematronCheck {
  kind: 'assert' | 'report';
  id?: string;
  role?: string;
  flag?: string;
  test: string;
  message: MessagePart[];
}
