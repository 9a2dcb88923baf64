import type { FieldConflict } from '@field/shared-model';

/** The values of one conflicting field as a supervisor reads them: which was kept, which lost. */
export interface ConflictSides {
  keptValue: string;
  lostValue: string;
  keptSide: string;
  lostSide: string;
  keptEditedAt: string | undefined;
  lostEditedAt: string | undefined;
}

/** Words for a JSON value; empty values are named, never shown as a blank. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function describeConflictSides(conflict: FieldConflict): ConflictSides {
  const serverWon = conflict.winner === 'server';
  return {
    keptValue: formatValue(serverWon ? conflict.serverValue : conflict.clientValue),
    lostValue: formatValue(serverWon ? conflict.clientValue : conflict.serverValue),
    keptSide: serverWon ? 'already on the server' : 'sent by the device',
    lostSide: serverWon ? 'sent by the device' : 'already on the server',
    keptEditedAt: serverWon ? conflict.serverEditedAt : conflict.clientEditedAt,
    lostEditedAt: serverWon ? conflict.clientEditedAt : conflict.serverEditedAt,
  };
}

/** A timestamp in the reader's locale; an unreadable one is shown as given, never as "Invalid Date". */
export function formatTime(iso: string | undefined): string {
  if (!iso) return 'unknown time';
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toLocaleString() : iso;
}
