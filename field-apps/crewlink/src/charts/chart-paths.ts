/**
 * ePCR field paths, the same ones findings use: `patient.lastName`, `narrative`,
 * `vitals[id=v1].systolic`. Reading and writing them is how the editor saves a field and how the
 * validation panel finds the field to jump to.
 */
export type PathSegment = { key: string } | { key: string; id: string };

const segmentPattern = /^([A-Za-z_$][\w$]*)(?:\[id=([^\]]+)\])?$/;

export function parseChartPath(path: string): PathSegment[] | undefined {
  if (path === '') return undefined;
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const match = segmentPattern.exec(part);
    if (!match?.[1]) return undefined;
    segments.push(match[2] === undefined ? { key: match[1] } : { key: match[1], id: match[2] });
  }
  return segments;
}

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function step(container: unknown, segment: PathSegment, create: boolean): unknown {
  if (!isBag(container)) return undefined;
  let value = container[segment.key];
  if ('id' in segment) {
    if (!Array.isArray(value)) return undefined;
    return value.find((item) => isBag(item) && item.id === segment.id);
  }
  if (value === undefined && create) {
    value = {};
    container[segment.key] = value;
  }
  return value;
}

export function getAtPath(doc: unknown, path: string): unknown {
  const segments = parseChartPath(path);
  if (!segments) return undefined;
  return segments.reduce<unknown>((value, segment) => step(value, segment, false), doc);
}

/**
 * Sets (or, for `undefined` and empty text, removes) the value at `path`, in place. Returns false
 * when the path does not exist (e.g. a vital set removed by another device): nothing is written.
 */
export function setAtPath(doc: Bag, path: string, value: unknown): boolean {
  const segments = parseChartPath(path);
  const last = segments?.at(-1);
  if (!segments || !last || 'id' in last) return false;
  let container: unknown = doc;
  for (const segment of segments.slice(0, -1)) container = step(container, segment, true);
  if (!isBag(container)) return false;
  if (value === undefined || value === '') delete container[last.key];
  else container[last.key] = value;
  return true;
}

/** Adds an item to a repeating group unless one with that id is there (idempotent). */
export function upsertItem(doc: Bag, key: string, item: Bag & { id: string }): void {
  const list = Array.isArray(doc[key]) ? (doc[key] as unknown[]) : [];
  if (!list.some((x) => isBag(x) && x.id === item.id)) list.push(item);
  doc[key] = list;
}

export function removeItem(doc: Bag, key: string, id: string): void {
  const list = doc[key];
  if (Array.isArray(list)) doc[key] = list.filter((x) => !(isBag(x) && x.id === id));
}

/** The DOM id of a field's input, derived from its path. */
export function fieldDomId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
