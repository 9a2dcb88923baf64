import { describe, expect, it } from 'vitest';
import { PageBuffers } from './page-buffers';

const mib = 1 << 20;

describe('PageBuffers', () => {
  it('makes new buffers of at least the minimum, rounded up to a power of two', () => {
    const buffers = new PageBuffers(0, mib);
    expect(buffers.take(0).length).toBe(mib);
    expect(buffers.take(mib + 1).length).toBe(2 * mib);
    expect(buffers.take(5 * mib).length).toBe(8 * mib);
  });

  it('hands a buffer given back out again, the largest first, when it is large enough', () => {
    const buffers = new PageBuffers(64 * mib, mib);
    const small = buffers.take(0);
    const large = buffers.take(4 * mib);
    buffers.give(small);
    buffers.give(large);
    expect(buffers.pooledBytes).toBe(5 * mib);
    expect(buffers.take(0)).toBe(large);
    expect(buffers.take(2 * mib)).not.toBe(small);
    expect(buffers.take(0)).toBe(small);
    expect(buffers.pooledBytes).toBe(0);
  });

  it('keeps at most its budget, letting the smallest buffers go first', () => {
    const buffers = new PageBuffers(10 * mib, mib);
    const made = [mib, 2 * mib, 4 * mib, 8 * mib].map((size) => buffers.take(size));
    for (const buffer of made) buffers.give(buffer);
    expect(buffers.pooledBytes).toBe(8 * mib);
    expect(buffers.take(0)).toBe(made[3]);
    const none = new PageBuffers(0, mib);
    none.give(none.take(0));
    expect(none.pooledBytes).toBe(0);
  });

  it('ignores a buffer given back twice', () => {
    const buffers = new PageBuffers(64 * mib, mib);
    const buffer = buffers.take(0);
    buffers.give(buffer);
    buffers.give(buffer);
    expect(buffers.pooledBytes).toBe(mib);
  });
});
