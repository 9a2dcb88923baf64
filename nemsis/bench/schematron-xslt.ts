/**
 * The official pipeline's Schematron step for the benchmark, the XSLT way: a Schematron schema turned into
 * an XSLT 3 stylesheet the way the ISO skeleton does it (one mode per pattern, each pattern a walk from the
 * root; the rules of a pattern as templates whose priorities make the first matching rule win; lets as
 * variables; each failed assert / successful report written as SVRL with its id, role, location and
 * message text; fired rules written as svrl:fired-rule), compiled ONCE to a SEF with xslt3 and run by
 * SaxonJS per document.
 *
 * Not the ISO skeleton itself (not published on npm), so not byte-identical SVRL: locations use XPath 3.1
 * path() instead of the skeleton's generate-path template, and each message value-of is wrapped in
 * xsl:try, because SaxonJS 2.7 does not implement time zone names ([ZN]) used by nemSch_e056's message
 * (Java Saxon does). One alignment shared with saxon-reference.ts: `. castable as` tests see
 * normalize-space(.), as Java Saxon's casting does. Each pattern's walk visits element children only (the
 * skeleton, depending on version and options, may also visit attributes, comments and processing
 * instructions), so if anything this stylesheet does a little less work than the skeleton's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchematronSchema } from '../src/schematron/schema-types';
import type { NemsisElement } from '../src/tree';

interface SaxonTransform {
  transform(options: Record<string, unknown>, mode: 'async'): Promise<{ principalResult: unknown }>;
}

const require = createRequire(import.meta.url);
const SaxonJS = require('saxon-js') as SaxonTransform;

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
/** An attribute value template: braces doubled. */
const avt = (s: string): string => attr(s).replace(/\{/g, '{{').replace(/\}/g, '}}');
const text = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const literal = (e: NemsisElement): string =>
  `<${e.name}${Object.entries(e.attributes).map(([k, v]) => ` ${k}="${attr(v)}"`).join('')}>${e.children.map(literal).join('')}${text(e.text ?? '')}</${e.name}>`;
const alignWithOfficialSaxon = (test: string): string => test.replace(/(^|[^\w.])\. castable as/g, '$1normalize-space(.) castable as');

/** The schema as an XSLT 3 stylesheet producing SVRL, structured as the ISO skeleton's output. */
export function schematronToXslt(schema: SchematronSchema): string {
  const out: string[] = [];
  const ns = Object.entries(schema.namespaces).map(([p, u]) => `xmlns:${p}="${u}"`).join(' ');
  out.push(`<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:xs="http://www.w3.org/2001/XMLSchema"`
    + ` xmlns:svrl="http://purl.oclc.org/dsdl/svrl" ${ns} exclude-result-prefixes="xs ${Object.keys(schema.namespaces).join(' ')}">`);
  for (const k of schema.keys) out.push(`<xsl:key name="${k.name}" match="${attr(k.match)}" use="${attr(k.use)}"/>`);
  for (const v of schema.variables) {
    if (v.select !== undefined) out.push(`<xsl:variable name="${v.name}" select="${attr(v.select)}"/>`);
    // The national file's lookup table is in the NEMSIS namespace.
    else out.push(`<xsl:variable name="${v.name}">${(v.content ?? []).map((e) => literal(e).replace(/^<([\w.-]+)/, '<$1 xmlns="http://www.nemsis.org"')).join('')}</xsl:variable>`);
  }
  out.push('<xsl:template match="/"><svrl:schematron-output>');
  schema.patterns.forEach((p, i) => out.push(`<svrl:active-pattern id="${avt(p.id ?? '')}"/><xsl:apply-templates select="/" mode="M${i}"/>`));
  out.push('</svrl:schematron-output></xsl:template>');
  schema.patterns.forEach((pattern, i) => {
    pattern.rules.forEach((rule, j) => {
      out.push(`<xsl:template match="${attr(rule.context)}" priority="${1000 - j}" mode="M${i}">`);
      for (const l of rule.lets) out.push(`<xsl:variable name="${l.name}" select="${attr(l.value)}"/>`);
      out.push(`<svrl:fired-rule context="${avt(rule.context)}" id="${avt(rule.id ?? '')}"/>`);
      for (const check of rule.checks) {
        const message = check.message.map((m) => (typeof m === 'string'
          ? `<xsl:text>${text(m)}</xsl:text>`
          : m.kind === 'value-of'
            ? `<xsl:try><xsl:value-of select="${attr(m.select)}"/><xsl:catch/></xsl:try>`
            : `<xsl:value-of select="name(${m.path ? attr(m.path) : ''})"/>`)).join('');
        const element = check.kind === 'assert' ? 'svrl:failed-assert' : 'svrl:successful-report';
        const body = `<${element} id="${avt(check.id ?? '')}" role="${avt(check.role ?? '')}" location="{path()}"><svrl:text>${message}</svrl:text></${element}>`;
        const test = attr(alignWithOfficialSaxon(check.test));
        out.push(check.kind === 'assert'
          ? `<xsl:choose><xsl:when test="${test}"/><xsl:otherwise>${body}</xsl:otherwise></xsl:choose>`
          : `<xsl:if test="${test}">${body}</xsl:if>`);
      }
      out.push(`<xsl:apply-templates select="*" mode="M${i}"/></xsl:template>`);
    });
    out.push(`<xsl:template match="text()" priority="-1" mode="M${i}"/>`
      + `<xsl:template match="@*|node()" priority="-2" mode="M${i}"><xsl:apply-templates select="*" mode="M${i}"/></xsl:template>`);
  });
  out.push('</xsl:stylesheet>');
  return out.join('\n');
}

/** Compiles a stylesheet to SaxonJS's SEF with the xslt3 command (once; takes a few seconds). */
export function compileToSef(stylesheet: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'nemsis-sch-xslt-'));
  try {
    writeFileSync(join(dir, 'schematron.xsl'), stylesheet);
    execFileSync(process.execPath, [require.resolve('xslt3/xslt3.js'), `-xsl:${join(dir, 'schematron.xsl')}`,
      `-export:${join(dir, 'schematron.sef.json')}`, '-nogo', '-relocate:on'], { stdio: 'pipe' });
    return JSON.parse(readFileSync(join(dir, 'schematron.sef.json'), 'utf8')) as unknown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a compiled stylesheet on one document (parsed by SaxonJS) and returns the serialised SVRL. */
export async function runSchematronXslt(sef: unknown, xml: string): Promise<string> {
  const result = await SaxonJS.transform({ stylesheetInternal: sef, sourceText: xml, destination: 'serialized' }, 'async');
  return result.principalResult as string;
}
