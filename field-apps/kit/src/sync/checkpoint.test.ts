import { describe, expect, it } from 'vitest';
import { buildPullQuery, wrapCheckpoint } from './checkpoint';

describe('checkpoint wrapping', () => {
  it('keeps the server string inside an object, exactly', () => {
    const cp = 'eyJ4IjoxMjN9.+/=&?';
    const wrapped = wrapCheckpoint(cp);
    expect(wrapped).toEqual({ cp });
    // RxDB merges checkpoints with Object.assign: the string must survive it.
    expect(Object.assign({}, { cp: 'old' }, wrapped)).toEqual({ cp });
    expect(new URLSearchParams(buildPullQuery(wrapped, 50)).get('checkpoint')).toBe(cp);
  });

  it('keeps the previous checkpoint when the server sends none', () => {
    expect(wrapCheckpoint(null, { cp: 'prev' })).toEqual({ cp: 'prev' });
    expect(wrapCheckpoint(undefined)).toBeUndefined();
  });

  it('starts from the beginning without a checkpoint', () => {
    expect(buildPullQuery(undefined, 100)).toBe('limit=100');
    expect(buildPullQuery(null, Number.NaN)).toBe('limit=1');
  });
});
