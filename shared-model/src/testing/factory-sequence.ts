/**
 * Deterministic ids and times for test factories. Pass `seed` for a fixed document; without it
 * each call takes the next number of a module counter (stable within one test file's run).
 */

export interface FactoryOptions {
  /** Fixes every id and time the factory generates. */
  seed?: number;
}

export const defaultAgencyId = 'agency-metro';
export const defaultUnitId = 'unit-medic-12';
/** Fixed reference time: every generated time is an offset from it. */
export const factoryEpoch = Date.parse('2026-03-01T14:00:00.000Z');

let counter = 0;

/** Restart the counter used when no seed is passed. */
export function resetFactorySequence(): void {
  counter = 0;
}

export function takeSeed(seed: number | undefined): number {
  if (seed !== undefined) return seed;
  counter += 1;
  return counter;
}

/** A UUID-shaped id that depends only on (seed, kind, index). */
export function makeId(seed: number, kind: number, index = 0): string {
  const hex = (value: number, width: number): string =>
    (Math.abs(Math.trunc(value)) % 16 ** width).toString(16).padStart(width, '0');
  return `${hex(seed, 8)}-${hex(kind, 4)}-4${hex(index, 3)}-8000-${hex(seed * 7919 + index, 12)}`;
}

/** ISO time `minutes` after the factory epoch, shifted by one day per seed. */
export function makeTime(seed: number, minutes: number): string {
  return new Date(factoryEpoch + seed * 86_400_000 + minutes * 60_000).toISOString();
}

/** A deterministic 64-hex-digit digest stand-in for attachment hashes. */
export function makeSha256(seed: number, index: number): string {
  let out = '';
  let state = (seed * 2654435761 + index * 40503 + 1) >>> 0;
  while (out.length < 64) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += state.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
