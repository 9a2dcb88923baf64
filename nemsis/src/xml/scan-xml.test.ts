import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRandom } from '../xsd/mutate-for-tests';
import { ASSETS_DIR } from '../xsd/xmllint-for-tests';
import { parseNemsisXml, parseWithSaxes } from './parse-xml';
import { scanNemsisXml } from './scan-xml';

const NS = 'xmlns="http://www.nemsis.org"';
const SAMPLES = readdirSync(join(ASSETS_DIR, 'samples')).filter((f) => f.endsWith('.xml')).sort()
  .map((f) => readFileSync(join(ASSETS_DIR, 'samples', f), 'utf8'));

/** The full parser's answer: the tree as JSON, or "error". */
function viaSaxes(xml: string): string {
  try {
    return JSON.stringify(parseWithSaxes(xml, 64, false));
  } catch {
    return 'error';
  }
}

/** The fast path's answer: the tree as JSON, or "declined" (the caller then asks saxes). */
function viaScanner(xml: string): string {
  const scanned = scanNemsisXml(xml, 64);
  return scanned ? JSON.stringify(scanned.root) : 'declined';
}

describe('the fast XML scanner', () => {
  it('reads every official sample itself and builds the same tree as saxes', () => {
    for (const xml of SAMPLES) {
      const fast = viaScanner(xml);
      expect(fast).not.toBe('declined');
      expect(fast).toBe(viaSaxes(xml));
    }
  });

  it('builds the same tree for entities, comments, CR LF line ends, prefixes and foreign namespaces', () => {
    const cases = [
      `<EMSDataSet ${NS}><a>x &amp; y &lt;z&gt; &#65;&#x42;</a><b>  </b><c>t<d/>u</c><!-- note --><e>1<!--x-->2</e></EMSDataSet>`,
      `<?xml version="1.0" encoding="UTF-8"?>\r\n<EMSDataSet ${NS}>\r\n  <a>one\r\ntwo\rthree</a>\r\n  <b\r\n   x="1"/>\r\n</EMSDataSet>`,
      '<n:EMSDataSet xmlns:n="http://www.nemsis.org" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><n:a i:nil="true" NV="7701003"/><o:b xmlns:o="urn:o" o:x="1"/></n:EMSDataSet>',
      `<EMSDataSet ${NS}><a xmlns="urn:other"><b/></a><c>é中</c></EMSDataSet>`,
    ];
    for (const xml of cases) {
      expect(viaScanner(xml)).not.toBe('declined');
      expect(viaScanner(xml)).toBe(viaSaxes(xml));
    }
  });

  it('declines what it does not handle, so the full parser decides (and reports errors)', () => {
    const declined = [
      `<!DOCTYPE x><EMSDataSet ${NS}/>`,
      `<EMSDataSet ${NS}><a><![CDATA[<x>]]></a></EMSDataSet>`,
      `<EMSDataSet ${NS}><a></b></EMSDataSet>`,
      `<EMSDataSet ${NS} a="1" a="2"/>`,
      `<EMSDataSet ${NS}><a>&foo;</a></EMSDataSet>`,
      `<EMSDataSet ${NS}><a>]]></a></EMSDataSet>`,
      `<EMSDataSet ${NS}><a>\u0001</a></EMSDataSet>`,
      `<EMSDataSet ${NS}><p:a/></EMSDataSet>`,
      `<EMSDataSet ${NS}><a>`,
      `<EMSDataSet ${NS}/><b/>`,
    ];
    for (const xml of declined) expect(viaScanner(xml)).toBe('declined');
    expect(() => parseNemsisXml(declined[2] ?? '')).toThrow(/^malformed XML: .*\(line 1\)$/);
  });

  it('hands an element with 20,000 attributes to saxes instead of checking duplicates pairwise', () => {
    const attributes = Array.from({ length: 20_000 }, (_, i) => ` a${i}="${i}"`).join('');
    const xml = `<EMSDataSet ${NS}${attributes}/>`;
    expect(viaScanner(xml)).toBe('declined');
    expect(Object.keys(parseNemsisXml(xml).attributes)).toHaveLength(20_000);
  });

  it('agrees with saxes on 1,500 randomly corrupted samples: the same tree, or a decline', () => {
    const random = makeRandom(42);
    const junk = ['<', '>', '&', '"', "'", '/', '=', ' ', '\u0000', ']]>', '<!--', '--', '<?', '<![CDATA[', '\r\n', '&amp;', '&#0;',
      '<a>', '</a>', '/>', ' x="1"', ' q:a="1"', ' xmlns:q="urn:q"', '\uD800', '\uFFFE', 'é', ':'];
    let declined = 0;
    for (let i = 0; i < 1500; i++) {
      const base = SAMPLES[i % SAMPLES.length] ?? '';
      const at = Math.floor(random() * base.length);
      const xml = base.slice(0, at) + (junk[Math.floor(random() * junk.length)] ?? '') + base.slice(at + Math.floor(random() * 3));
      const fast = viaScanner(xml);
      if (fast === 'declined') declined++;
      else expect(fast, `corruption ${i}`).toBe(viaSaxes(xml));
    }
    expect(declined).toBeGreaterThan(300);
  });
});
