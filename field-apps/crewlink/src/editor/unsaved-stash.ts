import type { PatientCareReport } from '@field/shared-model';

/**
 * Last-resort copy of edits that were still pending when the page went away. IndexedDB writes
 * started in `pagehide` may be cut off; localStorage is synchronous, so the edits are stashed
 * there and re-applied (to the latest stored chart) the next time the chart is opened.
 */
export interface UnsavedStash {
  /** The stored chart the edits were made on. */
  base: PatientCareReport;
  /** The chart as the crew saw it, edits applied. */
  view: PatientCareReport;
}

const prefix = 'crewlink-unsaved:';

/** Top-level fields the crew changed (compared as JSON): only these are re-applied. */
export function changedFields(base: PatientCareReport, view: PatientCareReport): (keyof PatientCareReport)[] {
  const keys = new Set([...Object.keys(base), ...Object.keys(view)]) as Set<keyof PatientCareReport>;
  const ignored = new Set<string>(['editedAt', 'updatedAt', 'findings', 'syncRefusal']);
  return [...keys].filter((k) => !ignored.has(k) && JSON.stringify(base[k]) !== JSON.stringify(view[k]));
}

/** Copies the changed fields of the stash onto `target` (in place). */
export function applyStash(target: PatientCareReport, stash: UnsavedStash): void {
  const out = target as unknown as Record<string, unknown>;
  const view = stash.view as unknown as Record<string, unknown>;
  for (const key of changedFields(stash.base, stash.view)) {
    if (view[key] === undefined) delete out[key];
    else out[key] = structuredClone(view[key]);
  }
}

export function writeStash(id: string, stash: UnsavedStash): void {
  try {
    localStorage.setItem(prefix + id, JSON.stringify(stash));
  } catch {
    // Storage full or blocked: the IndexedDB flush is still under way; nothing more can be done here.
  }
}

export function readStash(id: string): UnsavedStash | undefined {
  try {
    const text = localStorage.getItem(prefix + id);
    return text ? (JSON.parse(text) as UnsavedStash) : undefined;
  } catch {
    return undefined;
  }
}

export function clearStash(id: string): void {
  try {
    localStorage.removeItem(prefix + id);
  } catch {
    // nothing stored
  }
}
