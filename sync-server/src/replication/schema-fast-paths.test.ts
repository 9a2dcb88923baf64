import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { collections } from '@field/shared-model';
import { makePatientCareReport } from '@field/shared-model/testing';
import { describe, expect, it } from 'vitest';
import { codePointLength, isDateTime, reachesMinLength, useFastPaths, withinMaxLength } from './schema-fast-paths';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajvDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;

/** Strings rich in what the checks look at: surrogates (paired and lone), digits, separators, letters. */
const trickyText = fc.array(fc.oneof(
  fc.constantFrom('a', 'é', '患', '🚑', '👍🏽', '\ud83d', '\ude91', ' ', '0', '9', '-', ':', 'T', 't', 'Z', 'z', '+', '.'),
  fc.string({ unit: 'binary', maxLength: 3 }),
), { maxLength: 40 }).map((parts) => parts.join(''));

const two = (n: number) => String(n).padStart(2, '0');
/** Date-times near every boundary the format checks: real and impossible dates, leap years and seconds, offsets. */
const dateTimeLike = fc.record({
  year: fc.constantFrom('2026', '2024', '2000', '1900', '0000', '9999', '202', '20266'),
  month: fc.integer({ min: 0, max: 13 }).map(two),
  day: fc.integer({ min: 0, max: 32 }).map(two),
  separator: fc.constantFrom('T', 't', ' ', '_', 'TT', ''),
  hour: fc.integer({ min: 0, max: 25 }).map(two),
  minute: fc.integer({ min: 0, max: 60 }).map(two),
  second: fc.constantFrom('00', '59', '60', '61', '5', '099'),
  fraction: fc.constantFrom('', '.', '.0', '.123', '.123456789', '.x'),
  zone: fc.constantFrom('Z', 'z', '', '+00:00', '-05:00', '+05:30', '+2359', '+24:00', '-00:60', '+05', '+5:00', '+05:00Z', ' Z'),
}).map((p) => `${p.year}-${p.month}-${p.day}${p.separator}${p.hour}:${p.minute}:${p.second}${p.fraction}${p.zone}`);

describe('the schema check fast paths give Ajv\'s verdicts', () => {
  it('counts code points as Ajv does (a surrogate pair once, a lone surrogate once)', () => {
    fc.assert(fc.property(trickyText, (text) => {
      expect(codePointLength(text)).toBe([...text].length);
    }), { numRuns: 5000 });
  });

  it('maxLength and minLength agree with the code-point length for every limit', () => {
    fc.assert(fc.property(trickyText, fc.integer({ min: 0, max: 45 }), (text, limit) => {
      expect(withinMaxLength(limit, text)).toBe([...text].length <= limit);
      expect(reachesMinLength(limit, text)).toBe([...text].length >= limit);
    }), { numRuns: 5000 });
  });

  it('date-time agrees with ajv-formats\' full date-time on valid, impossible and malformed strings', () => {
    fc.assert(fc.property(fc.oneof(dateTimeLike, trickyText), (text) => {
      expect(isDateTime(text)).toBe(ajvDateTime(text));
    }), { numRuns: 20000 });
    for (const text of ['2026-02-29T10:00:00Z', '2024-02-29T10:00:00Z', '1900-02-29T10:00:00Z', '2000-02-29T10:00:00Z',
      '2026-12-31T23:59:60Z', '2026-12-31T18:59:60-05:00', '2026-04-31T10:00:00Z', '2026-03-01T14:03:00.000+01:00']) {
      expect(isDateTime(text), text).toBe(ajvDateTime(text));
    }
  });

  it('the compiled chart validator passes and refuses exactly the charts the standard one does', () => {
    const schema = collections.epcrs.schema as object;
    const standard = addFormats(new Ajv({ allErrors: false, strict: false })).compile(schema);
    const fast = useFastPaths(addFormats(new Ajv({ allErrors: false, strict: false }))).compile(schema);
    const chart = { ...makePatientCareReport({ seed: 7, realistic: true }), updatedAt: '2026-03-01T14:00:00.000Z' } as Record<string, unknown>;
    delete chart._deleted;
    expect(standard(chart)).toBe(true);
    // Texts of emoji, letters and lone surrogates around each field's limit, and odd date-times.
    const limits = { narrative: 10000, crew: 120, patient: 60 } as Record<string, number>;
    const nearLimit = (limit: number) => fc.tuple(fc.integer({ min: limit - 3, max: limit + 3 }), fc.constantFrom('🚑', 'a', '\ud83d', '👍🏽'))
      .map(([n, unit]) => unit.repeat(Math.max(0, Math.floor(n / [...unit].length))));
    fc.assert(fc.property(
      fc.constantFrom('narrative', 'crew', 'times', 'patient', 'vitals'),
      fc.boolean(),
      fc.oneof(dateTimeLike, trickyText),
      fc.integer({ min: 0, max: 3 }),
      (field, useNearLimit, text, pick) => {
        const limit = limits[field];
        const value = useNearLimit && limit !== undefined ? fc.sample(nearLimit(limit), { numRuns: 1, seed: pick })[0]! : text;
        const doc = structuredClone(chart);
        if (field === 'narrative') doc.narrative = value;
        else if (field === 'times') doc.times = { ...(doc.times as object), unitNotified: value };
        else if (field === 'patient') doc.patient = { ...(doc.patient as object), lastName: value };
        else if (field === 'crew') doc.crew = [{ ...((doc.crew as object[])[0] as object), name: value }];
        else doc.vitals = [{ ...((doc.vitals as object[])[0] as object), takenAt: value }];
        expect(fast(doc)).toBe(standard(doc));
      },
    ), { numRuns: 3000 });
  });
});
