import type { FieldConflict } from '@field/shared-model';
import { describe, expect, it } from 'vitest';
import { describeConflictSides, formatTime, formatValue } from './describe-conflict';
import { sortNewestFirst } from './review-api';

const conflict: FieldConflict = {
  path: 'narrative', baseValue: 'Base', serverValue: 'Server text', clientValue: 'Device text',
  winner: 'server', reason: 'concurrent-edit', serverEditedAt: '2030-01-01T00:00:00.000Z', clientEditedAt: '2029-01-01T00:00:00.000Z',
};

describe('describeConflictSides', () => {
  it('names the server value as kept and the device value as lost when the server won', () => {
    expect(describeConflictSides(conflict)).toMatchObject({
      keptValue: 'Server text', lostValue: 'Device text', keptSide: 'already on the server', lostSide: 'sent by the device',
      keptEditedAt: '2030-01-01T00:00:00.000Z', lostEditedAt: '2029-01-01T00:00:00.000Z',
    });
  });

  it('swaps the sides when the device won', () => {
    const sides = describeConflictSides({ ...conflict, winner: 'client' });
    expect(sides.keptValue).toBe('Device text');
    expect(sides.lostValue).toBe('Server text');
    expect(sides.keptSide).toBe('sent by the device');
  });
});

describe('formatValue and formatTime', () => {
  it('names empty values and shows structured ones as JSON', () => {
    expect(formatValue(undefined)).toBe('(empty)');
    expect(formatValue('')).toBe('(empty)');
    expect(formatValue(0)).toBe('0');
    expect(formatValue({ heartRate: 80 })).toBe('{"heartRate":80}');
  });

  it('never shows "Invalid Date"', () => {
    expect(formatTime('yesterday')).toBe('yesterday');
    expect(formatTime(undefined)).toBe('unknown time');
  });
});

describe('sortNewestFirst', () => {
  it('orders rows by createdAt, newest first', () => {
    const rows = [{ id: 'a', createdAt: '2030-01-01T00:00:00Z' }, { id: 'b', createdAt: '2031-01-01T00:00:00Z' }];
    expect(sortNewestFirst(rows).map((r) => r.id)).toEqual(['b', 'a']);
  });
});
