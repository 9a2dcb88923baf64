import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeElement, makeLeaf, type NemsisElement } from '../tree';
import { ASSETS_DIR, xmllintVerdicts } from '../xsd/xmllint-for-tests';
import { parseNemsisXml } from './parse-xml';
import { writeNemsisXml } from './write-xml';

const SAMPLES_DIR = join(ASSETS_DIR, 'samples');
const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.xml')).sort();

/** The tree without source line numbers. */
function withoutLines(e: NemsisElement): NemsisElement {
  const { line: _line, children, ...rest } = e;
  return { ...rest, children: children.map(withoutLines) };
}

describe('writeNemsisXml', () => {
  it.each(samples)('round-trips every element value and attribute of %s', (file) => {
    const original = parseNemsisXml(readFileSync(join(SAMPLES_DIR, file), 'utf8'));
    const written = writeNemsisXml(original);
    expect(withoutLines(parseNemsisXml(written))).toEqual(withoutLines(original));
  });

  it('writes XML the official schema accepts whenever the input was accepted', async () => {
    const inputs = samples.map((f) => ({ fileName: `in-${f}`, contents: readFileSync(join(SAMPLES_DIR, f), 'utf8') }));
    const outputs = samples.map((f, i) => ({ fileName: `out-${f}`, contents: writeNemsisXml(parseNemsisXml(inputs[i]?.contents ?? '')) }));
    const verdicts = await xmllintVerdicts([...inputs, ...outputs]);
    const accepted = samples.filter((f) => verdicts.get(`in-${f}`));
    expect(accepted.length).toBe(14);
    expect(accepted.map((f) => [f, verdicts.get(`out-${f}`)])).toEqual(accepted.map((f) => [f, true]));
  });

  it('declares the NEMSIS default namespace and the xsi prefix, keeping schemaLocation', () => {
    const root = makeElement('EMSDataSet', [makeLeaf('eVitals.06', '', { NV: '7701003', 'xsi:nil': 'true' })], {
      'xsi:schemaLocation': 'http://www.nemsis.org https://nemsis.org/media/nemsis_v3/release-3.5.1/XSDs/NEMSIS_XSDs/EMSDataSet_v3.xsd',
    });
    const xml = writeNemsisXml(root, { indent: '' });
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><EMSDataSet xmlns="http://www.nemsis.org" '
      + 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.nemsis.org '
      + 'https://nemsis.org/media/nemsis_v3/release-3.5.1/XSDs/NEMSIS_XSDs/EMSDataSet_v3.xsd"><eVitals.06 NV="7701003" xsi:nil="true"/></EMSDataSet>');
  });

  it('escapes markup characters in text and attributes so they survive a round trip', () => {
    const text = 'Pt said "5 < 7 & 9 > 2" \'ok\'\r\nline two\ttab';
    const root = makeElement('EMSDataSet', [makeLeaf('eNarrative.01', text, { CorrelationID: 'a"b<c>&d\te\nf' })]);
    const xml = writeNemsisXml(root);
    expect(xml).toContain('5 &lt; 7 &amp; 9 &gt; 2');
    const back = parseNemsisXml(xml).children[0];
    expect(back?.text).toBe(text);
    expect(back?.attributes.CorrelationID).toBe('a"b<c>&d\te\nf');
  });

  it('refuses what XML cannot carry instead of writing a broken document', () => {
    expect(() => writeNemsisXml(makeElement('EMSDataSet', [makeLeaf('eNarrative.01', 'bell \u0007')]))).toThrow(/cannot carry/);
    expect(() => writeNemsisXml(makeElement('EMSDataSet', [makeLeaf('bad name', 'x')]))).toThrow(/not a valid/);
    expect(() => writeNemsisXml(makeElement('EMSDataSet', [], { 'foo:bar': 'x' }))).toThrow(/only the xsi: prefix/);
  });
});
