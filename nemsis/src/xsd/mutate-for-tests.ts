/**
 * Seeded mutations of NEMSIS trees, used by the xmllint agreement tests: each mutation is a small
 * edit a buggy exporter could make (drop, repeat or swap an element, odd values, NV/PN/nil misuse).
 * Test support only; not exported from the package.
 */
import type { NemsisElement } from '../tree';

/** Deterministic pseudo-random numbers (mulberry32). */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES = ['', ' ', 'abc', '-1', '0', '1', '1.5', '+7', '007', ' 12 ', '99999999999', '3.14159265',
  '2025-01-01T10:00:00', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00-05:00', '2025-01-01T10:00:00.123+01:00',
  '2025-13-01T10:00:00-05:00', '2025-02-29T10:00:00-05:00', '2024-02-29T10:00:00-05:00', '1949-12-31T23:59:59-00:00',
  '1950-01-01T00:00:00-00:00', '2050-01-01T00:00:00-00:00', '2050-01-01T00:00:01-00:00', '2025-01-01T24:00:00-05:00',
  '2025-01-01T10:00:00+15:00', '2025-01-01', '2024-02-30', '1899-12-31', '1900-01-01', '2050-01-02', 'High', 'P', 'p',
  '9923001', '9923003', '7701003', '3101009', 'A00.0', 'R99', 'Z88.1', 'I21.9', '12345', '12345-6789', 'a@b', '555-555-5555',
  '+1 555 555 5555', 'x'.repeat(300), '30.1234,-97.12', '91.0,0', '4f0e3c0a-8d5e-4b8e-9c3a-1d2e3f4a5b6c', 'QUJD', 'QUJ=', 'A'];

export type Mutation = (root: NemsisElement, random: () => number) => string;

function allElements(root: NemsisElement): { element: NemsisElement; parent?: NemsisElement }[] {
  const out: { element: NemsisElement; parent?: NemsisElement }[] = [];
  const visit = (e: NemsisElement, parent?: NemsisElement): void => {
    out.push(parent ? { element: e, parent } : { element: e });
    e.children.forEach((c) => visit(c, e));
  };
  visit(root);
  return out;
}

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}

const clone = (e: NemsisElement): NemsisElement => structuredClone(e);

export const MUTATIONS: Record<string, Mutation> = {
  drop(root, random) {
    const t = pick(allElements(root).filter((x) => x.parent), random);
    if (!t?.parent) return 'noop';
    t.parent.children.splice(t.parent.children.indexOf(t.element), 1);
    return `drop ${t.element.name}`;
  },
  repeat(root, random) {
    const t = pick(allElements(root).filter((x) => x.parent), random);
    if (!t?.parent) return 'noop';
    t.parent.children.splice(t.parent.children.indexOf(t.element), 0, clone(t.element));
    return `repeat ${t.element.name}`;
  },
  swap(root, random) {
    const t = pick(allElements(root).filter((x) => x.element.children.length > 1), random);
    if (!t) return 'noop';
    const i = Math.floor(random() * (t.element.children.length - 1));
    const [a, b] = [t.element.children[i], t.element.children[i + 1]];
    if (!a || !b) return 'noop';
    t.element.children.splice(i, 2, b, a);
    return `swap ${a.name} ${b.name}`;
  },
  value(root, random) {
    const t = pick(allElements(root).filter((x) => x.element.children.length === 0), random);
    if (!t) return 'noop';
    t.element.text = pick(ODD_VALUES, random) ?? '';
    return `value ${t.element.name}=${JSON.stringify(t.element.text.slice(0, 20))}`;
  },
  notValue(root, random) {
    const t = pick(allElements(root).filter((x) => x.element.children.length === 0), random);
    if (!t) return 'noop';
    const nv = pick(['7701001', '7701003', '7701005', '7701002'], random) ?? '';
    const nil = random() < 0.8;
    t.element.attributes = { ...t.element.attributes, NV: nv, ...(nil ? { 'xsi:nil': 'true' } : {}) };
    if (random() < 0.8) delete t.element.text;
    return `NV=${nv} nil=${nil} on ${t.element.name}`;
  },
  pertinentNegative(root, random) {
    const t = pick(allElements(root).filter((x) => x.element.children.length === 0), random);
    if (!t) return 'noop';
    const pn = pick(['8801019', '8801005', '8801023', '8801099'], random) ?? '';
    t.element.attributes = { ...t.element.attributes, PN: pn };
    if (random() < 0.5) {
      t.element.attributes['xsi:nil'] = 'true';
      delete t.element.text;
    }
    return `PN=${pn} on ${t.element.name}`;
  },
  nil(root, random) {
    const t = pick(allElements(root), random);
    if (!t) return 'noop';
    t.element.attributes = { ...t.element.attributes, 'xsi:nil': pick(['true', 'false', 'yes'], random) ?? 'true' };
    return `xsi:nil on ${t.element.name}`;
  },
  unNil(root, random) {
    const t = pick(allElements(root).filter((x) => 'xsi:nil' in x.element.attributes), random);
    if (!t) return 'noop';
    delete t.element.attributes['xsi:nil'];
    return `remove xsi:nil from ${t.element.name}`;
  },
  attribute(root, random) {
    const t = pick(allElements(root), random);
    if (!t) return 'noop';
    const name = pick(['CorrelationID', 'foo', 'UUID', 'PhoneNumberType', 'NV'], random) ?? 'foo';
    t.element.attributes = { ...t.element.attributes, [name]: pick(['', 'x', '9913003', '7701003', 'a'.repeat(300)], random) ?? '' };
    return `attribute ${name} on ${t.element.name}`;
  },
  rename(root, random) {
    const t = pick(allElements(root).filter((x) => x.parent), random);
    if (!t) return 'noop';
    const all = allElements(root).map((x) => x.element.name);
    t.element.name = random() < 0.5 ? `${t.element.name}X` : (pick(all, random) ?? 'X');
    return `rename to ${t.element.name}`;
  },
};

/** Applies `count` random mutations to a copy of `root`; returns the copy and what was done. */
export function mutateTree(root: NemsisElement, seed: number, count = 1): { tree: NemsisElement; applied: string[] } {
  const random = makeRandom(seed);
  const tree = clone(root);
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = pick(names, random) ?? 'drop';
    applied.push(MUTATIONS[name]?.(tree, random) ?? 'noop');
  }
  return { tree, applied };
}
