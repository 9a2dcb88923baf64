import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR } from '../xsd/xmllint-for-tests';
import { NemsisXmlError, parseNemsisXml } from './parse-xml';

const BASE = readFileSync(join(ASSETS_DIR, 'samples', '2025-EMS-1-Overdose_v351.xml'), 'utf8');

describe('parseNemsisXml on bad input', () => {
  it('reports malformed XML with the line where it broke', () => {
    const broken = BASE.replace('</eRecord.01>', '</eRecord.0>');
    const error = (() => {
      try {
        parseNemsisXml(broken);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(NemsisXmlError);
    expect((error as NemsisXmlError).message).toMatch(/^malformed XML: .* \(line \d+\)$/);
    expect((error as NemsisXmlError).line).toBeGreaterThan(1);
  });

  it('refuses truncated documents, text before the root and empty input', () => {
    expect(() => parseNemsisXml(BASE.slice(0, BASE.length / 2))).toThrow(NemsisXmlError);
    expect(() => parseNemsisXml('hello')).toThrow(NemsisXmlError);
    expect(() => parseNemsisXml('')).toThrow(NemsisXmlError);
  });

  it('refuses a document outside the NEMSIS namespace', () => {
    expect(() => parseNemsisXml(BASE.replace('xmlns="http://www.nemsis.org"', 'xmlns="http://example.org"')))
      .toThrow(/namespace "http:\/\/example.org", expected "http:\/\/www.nemsis.org"/);
    expect(() => parseNemsisXml('<EMSDataSet/>')).toThrow(NemsisXmlError);
  });

  it('refuses a billion-laughs entity bomb without expanding it', () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE EMSDataSet [\n${lol.join('\n')}\n]>\n<EMSDataSet xmlns="http://www.nemsis.org">&lol9;</EMSDataSet>`;
    const before = process.memoryUsage().heapUsed;
    expect(() => parseNemsisXml(bomb)).toThrow(/DOCTYPE declarations are not allowed/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses undeclared entities and external entity tricks', () => {
    expect(() => parseNemsisXml('<EMSDataSet xmlns="http://www.nemsis.org">&xxe;</EMSDataSet>')).toThrow(NemsisXmlError);
    const xxe = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><EMSDataSet xmlns="http://www.nemsis.org">&xxe;</EMSDataSet>';
    expect(() => parseNemsisXml(xxe)).toThrow(/DOCTYPE/);
  });

  it('refuses a document over the size limit before parsing it (a generated 50 MB file)', () => {
    const header = BASE.indexOf('<PatientCareReport');
    const end = BASE.indexOf('</PatientCareReport>') + '</PatientCareReport>'.length;
    const pcr = BASE.slice(header, end);
    const copies = Math.ceil((50 * 1024 * 1024) / pcr.length);
    const big = BASE.slice(0, header) + pcr.repeat(copies) + BASE.slice(end);
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const before = process.memoryUsage().heapUsed;
    expect(() => parseNemsisXml(big)).toThrow(/characters; the limit is 33554432/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('parses a large document within the limit (300 patient care reports) without trouble', () => {
    const header = BASE.indexOf('<PatientCareReport');
    const end = BASE.indexOf('</PatientCareReport>') + '</PatientCareReport>'.length;
    const big = BASE.slice(0, header) + BASE.slice(header, end).repeat(300) + BASE.slice(end);
    const root = parseNemsisXml(big);
    expect(root.children[0]?.children.filter((c) => c.name === 'PatientCareReport')).toHaveLength(300);
  });

  it('refuses pathological nesting', () => {
    const deep = `<EMSDataSet xmlns="http://www.nemsis.org">${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</EMSDataSet>`;
    expect(() => parseNemsisXml(deep)).toThrow(/nested deeper than 64/);
  });
});
