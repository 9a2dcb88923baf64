import { describe, expect, it } from 'vitest';
import { makePatientCareReport } from '../testing';
import { attachmentReferencesOf } from './attachment-references';

const photo = 'a'.repeat(64);
const signature = '0123456789abcdef'.repeat(4);

describe('attachmentReferencesOf', () => {
  it('finds the photo and signature addresses of a chart, once each, sorted', () => {
    const chart = makePatientCareReport({ seed: 3 });
    const doc = {
      ...chart,
      photos: [{ id: 'p1', attachmentSha256: photo }, { id: 'p2', attachmentSha256: photo }],
      signatures: [{ id: 's1', attachmentSha256: signature }],
    };
    expect(attachmentReferencesOf(doc)).toEqual([signature, photo].sort());
    expect(attachmentReferencesOf(chart)).toEqual([]);
  });

  it('takes whole values only: not upper case, not longer or shorter hex, not keys', () => {
    expect(attachmentReferencesOf({
      upper: photo.toUpperCase(), longer: `${photo}0`, shorter: photo.slice(1), [photo]: 1, text: `see ${photo}`,
    })).toEqual([]);
  });

  it('stops at a depth no document reaches instead of overflowing the stack', () => {
    let deep: unknown = photo;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(attachmentReferencesOf(deep)).toEqual([]);
  });
});
