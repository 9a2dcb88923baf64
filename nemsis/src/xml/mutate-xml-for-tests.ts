/**
 * Test support for mutating NEMSIS XML text (saxon-agreement.test.ts, scripts/finding-oracle.ts): find
 * leaf elements and collect plausible values to swap between documents. Not part of the package API.
 */

/** A leaf element `<eX.NN attrs>text</eX.NN>`: groups are name, attributes (with leading space), text. */
export const LEAF_ELEMENT = /<([A-Za-z]+\.[0-9]+)((?: [^>]*)?)>([^<]*)<\/\1>/g;

/** Up to `perName` distinct texts seen per leaf element name across `documents`, in first-seen order. */
export function leafValuePool(documents: Iterable<string>, perName: number): Map<string, string[]> {
  const pool = new Map<string, string[]>();
  for (const xml of documents) {
    for (const m of xml.matchAll(LEAF_ELEMENT)) {
      const list = pool.get(m[1] as string) ?? [];
      if (list.length < perName && !list.includes(m[3] as string)) list.push(m[3] as string);
      pool.set(m[1] as string, list);
    }
  }
  return pool;
}

/** Picks one item of a non-empty list with `random` (a function returning [0, 1)). */
export function pickWith(random: () => number): <T>(list: readonly T[]) => T {
  return <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
}
