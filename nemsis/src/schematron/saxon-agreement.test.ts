/**
 * Differential check against Saxon-JS on documents without an official SVRL: sample files and
 * deterministic mutations of the official test cases (values swapped, elements emptied, nil/NV/PN
 * added, removed, repeated). Every rule context and assert is evaluated by both; the sets of
 * (rule id, location) must agree. Set SCHEMATRON_SAXON_MUTANTS=200 for a longer run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMS_DATASET_SCHEMA } from '../generated/schematron/ems-dataset-schema';
import { LEAF_ELEMENT, leafValuePool, pickWith } from '../xml/mutate-xml-for-tests';
import { parseNemsisXml } from '../xml/parse-xml';
import { validateSchematron } from './index';
import { runReferenceSchematron } from './saxon-reference';

const assets = resolve(import.meta.dirname, '../../assets');
const casesDir = resolve(assets, 'schematron-tests/xml');
const caseNames = readdirSync(casesDir).filter((f) => f.endsWith('.xml')).sort();

function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values seen per element name across the official cases, so swapped values stay plausible. */
const valuePool = leafValuePool(caseNames.map((name) => readFileSync(resolve(casesDir, name), 'utf8')), 30);

function mutate(xml: string, random: () => number): string {
  const leaves = [...xml.matchAll(LEAF_ELEMENT)];
  const pick = pickWith(random);
  const m = pick(leaves);
  const [whole, name, attributes] = [m[0], m[1] as string, m[2] as string];
  const replacements = [
    `<${name}${attributes}>${pick(valuePool.get(name) ?? [''])}</${name}>`,
    `<${name} xsi:nil="true" NV="7701003"/>`,
    `<${name} xsi:nil="true" PN="${pick(['8801019', '8801023', '8801029'])}"/>`,
    '',
    whole + whole,
    `<${name}${attributes}></${name}>`,
  ];
  return xml.slice(0, m.index) + pick(replacements) + xml.slice(m.index + whole.length);
}

const mutantCount = Number(process.env.SCHEMATRON_SAXON_MUTANTS ?? 4);
const documents: [string, string][] = [
  ...['EMSDataset-Nils-1.xml', 'EMSDataset-PNs-1.xml', '2025-EMS-3-MVC_v351.xml'].map((n): [string, string] => [n, readFileSync(resolve(assets, 'samples', n), 'utf8')]),
];
const random = seededRandom(20250403);
for (let i = 0; i < mutantCount; i++) {
  const name = caseNames[Math.floor(random() * caseNames.length)] as string;
  let xml = readFileSync(resolve(casesDir, name), 'utf8');
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) xml = mutate(xml, random);
  documents.push([`mutant ${i + 1} of ${name}`, xml]);
}

describe('agreement with Saxon-JS', () => {
  it.each(documents)('%s', async (_name, xml) => {
    const key = (f: { ruleId: string; path: string }): string => `${f.ruleId} ${f.path}`;
    const expected = (await runReferenceSchematron(xml, EMS_DATASET_SCHEMA)).map(key).sort();
    // Saxon-JS reads the wall clock for current-dateTime(); the engine is given the same moment.
    const actual = validateSchematron(parseNemsisXml(xml), { now: new Date() }).map(key).sort();
    expect(actual).toEqual(expected);
  });
});
