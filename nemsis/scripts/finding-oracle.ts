/**
 * Differential oracle for engine changes: writes the findings of `validateEmsDataSet` and the fired-rule
 * trace of the national Schematron, one line per document, for the 133 official files and seeded mutants
 * (tree mutations from `mutate-for-tests`, and XML edits: values swapped between documents, NV/PN/nil
 * added, elements emptied, dropped, repeated or replaced). Run it on the code before and after a change
 * and compare the two files byte for byte:
 *
 *   git archive HEAD nemsis/src | tar -x -C /tmp/before
 *   pnpm --filter @field/nemsis exec tsx scripts/finding-oracle.ts /tmp/before/nemsis/src /tmp/before.txt
 *   pnpm --filter @field/nemsis exec tsx scripts/finding-oracle.ts src /tmp/after.txt
 *   cmp /tmp/before.txt /tmp/after.txt
 *
 * (The extracted copy resolves `saxes` through a `node_modules` link: `ln -s $PWD/node_modules /tmp/before/node_modules`.)
 * Optional third and fourth arguments: the number of tree and XML mutants (default 3000 and 2000).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NemsisElement } from '../src/tree';
import { LEAF_ELEMENT, leafValuePool, pickWith } from '../src/xml/mutate-xml-for-tests';
import { makeRandom, mutateTree } from '../src/xsd/mutate-for-tests';
import { PACKAGE_DIR } from './gen';

interface Engine {
  validateEmsDataSet(root: NemsisElement, options: { now: Date }): unknown[];
  validateSchematron(root: NemsisElement, options: { now: Date; onRuleFired: (e: { patternId: string; ruleId: string; path: string }) => void }): unknown[];
  parseNemsisXml(xml: string): NemsisElement;
}

const [srcArg = 'src', out = 'finding-oracle.txt', treeArg = '3000', xmlArg = '2000'] = process.argv.slice(2);
const src = resolve(srcArg);
const engine: Engine = {
  ...((await import(join(src, 'validate.ts'))) as Pick<Engine, 'validateEmsDataSet'>),
  ...((await import(join(src, 'schematron', 'index.ts'))) as Pick<Engine, 'validateSchematron'>),
  ...((await import(join(src, 'xml', 'parse-xml.ts'))) as Pick<Engine, 'parseNemsisXml'>),
};

const assets = join(PACKAGE_DIR, 'assets');
const read = (dir: string): [string, string][] => readdirSync(dir).filter((f) => f.endsWith('.xml')).sort()
  .map((f): [string, string] => [f, readFileSync(join(dir, f), 'utf8')]);
const files = [...read(join(assets, 'samples')), ...read(join(assets, 'schematron-tests', 'xml'))];
const NOW = new Date('2025-06-01T00:00:00Z');
const lines: string[] = [];

function check(name: string, tree: NemsisElement): void {
  const findings = engine.validateEmsDataSet(structuredClone(tree), { now: NOW });
  const fired: string[] = [];
  engine.validateSchematron(structuredClone(tree), { now: NOW, onRuleFired: (e) => fired.push(`${e.patternId}|${e.ruleId}|${e.path}`) });
  lines.push(`${name}\t${JSON.stringify(findings)}\tfired=${fired.length}:${createHash('sha1').update(fired.join('\n')).digest('hex')}`);
}

const valuePool = leafValuePool(files.map(([, xml]) => xml), 40);

function mutateXml(xml: string, random: () => number): string {
  const leaves = [...xml.matchAll(LEAF_ELEMENT)];
  const pick = pickWith(random);
  const m = pick(leaves);
  const [whole, name, attributes, text] = [m[0], m[1] as string, m[2] as string, m[3] as string];
  const other = pick(leaves);
  const replacements = [
    `<${name}${attributes}>${pick(valuePool.get(name) ?? [''])}</${name}>`,
    `<${name}${attributes}>${pick(valuePool.get(name) ?? [''])}</${name}>`,
    `<${name} xsi:nil="true" NV="${pick(['7701001', '7701003', '7701005'])}"/>`,
    `<${name} xsi:nil="true" PN="${pick(['8801019', '8801023', '8801029', '8801005'])}"/>`,
    `<${name} PN="${pick(['8801019', '8801023', '8801029', '8801005'])}">${text}</${name}>`,
    '',
    whole + whole,
    whole + other[0],
    `<${name}${attributes}></${name}>`,
    `<${name}${attributes}> ${text} </${name}>`,
  ];
  return xml.slice(0, m.index) + pick(replacements) + xml.slice(m.index + whole.length);
}

const trees = files.map(([name, xml]): [string, NemsisElement] => [name, engine.parseNemsisXml(xml)]);
for (const [name, tree] of trees) check(name, tree);
for (let i = 0; i < Number(treeArg); i++) {
  const [name, tree] = trees[i % trees.length] as [string, NemsisElement];
  const { tree: mutant, applied } = mutateTree(tree, 1000 + i, 1 + (i % 4));
  check(`tree-mutant ${i} of ${name}: ${applied.join('; ')}`, mutant);
}
const random = makeRandom(4242);
for (let i = 0; i < Number(xmlArg); i++) {
  const [name, original] = files[Math.floor(random() * files.length)] as [string, string];
  let xml = original;
  const edits = 1 + Math.floor(random() * 5);
  for (let e = 0; e < edits; e++) xml = mutateXml(xml, random);
  let tree: NemsisElement;
  try {
    tree = engine.parseNemsisXml(xml);
  } catch (err) {
    lines.push(`xml-mutant ${i} of ${name}\tparse error ${(err as Error).message}`);
    continue;
  }
  check(`xml-mutant ${i} of ${name}`, tree);
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} documents, ${lines.reduce((n, l) => n + (l.match(/"ruleId"/g)?.length ?? 0), 0)} findings -> ${out}`);
