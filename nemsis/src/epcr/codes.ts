/**
 * Value conversions between the ePCR's field values and NEMSIS element values: Yes/No codes, ANSI
 * (FIPS) state codes, phone numbers, and signature kinds as eOther.12 / eOther.13 codes.
 */
import type { Signature } from '@field/shared-model';

export const YES = '9923003';
export const NO = '9923001';
/** NV code written for an empty element the XSD requires: 7701003 Not Recorded. */
export const NOT_RECORDED = '7701003';

const stateFips: Record<string, string> = {
  AL: '01', AK: '02', AZ: '04', AR: '05', CA: '06', CO: '08', CT: '09', DE: '10', DC: '11', FL: '12', GA: '13',
  HI: '15', ID: '16', IL: '17', IN: '18', IA: '19', KS: '20', KY: '21', LA: '22', ME: '23', MD: '24', MA: '25',
  MI: '26', MN: '27', MS: '28', MO: '29', MT: '30', NE: '31', NV: '32', NH: '33', NJ: '34', NM: '35', NY: '36',
  NC: '37', ND: '38', OH: '39', OK: '40', OR: '41', PA: '42', RI: '44', SC: '45', SD: '46', TN: '47', TX: '48',
  UT: '49', VT: '50', VA: '51', WA: '53', WV: '54', WI: '55', WY: '56', AS: '60', GU: '66', MP: '69', PR: '72',
  VI: '78',
};
const stateAbbreviations = new Map(Object.entries(stateFips).map(([abbr, code]) => [code, abbr]));

/** `WA` or `53` as the two-digit ANSI state code; undefined when neither. */
export function toAnsiStateCode(value: string): string | undefined {
  const v = value.trim().toUpperCase();
  if (/^\d{2}$/.test(v)) return v;
  return Object.hasOwn(stateFips, v) ? stateFips[v] : undefined;
}

/** The ANSI code back as the postal abbreviation the ePCR shows (`53` -> `WA`); unknown codes are kept. */
export function fromAnsiStateCode(code: string): string {
  return stateAbbreviations.get(code) ?? code;
}

/**
 * A phone number in one of the two forms NEMSIS accepts: `206-555-0147` for North American numbers,
 * `+<digits>` otherwise; undefined when there are too few digits to be a number.
 */
export function toNemsisPhone(value: string): string | undefined {
  const digits = value.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (national.length === 10 && /^[2-9]\d{2}[2-9]/.test(national)) {
    return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
  }
  return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : undefined;
}

type SignatureKind = Signature['kind'];

/** eOther.12 Type of Person Signing and eOther.13 Signature Reason for each ePCR signature kind. */
export const signatureCodes: Record<SignatureKind, { signer: string; reason: string }> = {
  'patient-consent': { signer: '4512015', reason: '4513003' },
  'patient-refusal': { signer: '4512015', reason: '4513009' },
  crew: { signer: '4512003', reason: '4513023' },
  'receiving-facility': { signer: '4512005', reason: '4513007' },
};

/** The ePCR signature kind for a signer type and reasons from another vendor's record. */
export function signatureKindFor(signer: string | undefined, reasons: readonly string[]): SignatureKind {
  if (reasons.includes('4513009') || reasons.includes('4513021')) return 'patient-refusal';
  if (reasons.includes('4513007')) return 'receiving-facility';
  if (signer === '4512001' || signer === '4512003') return 'crew';
  if (signer === '4512005' || signer === '4512007' || signer === '4512011') return 'receiving-facility';
  return 'patient-consent';
}

/** Splits "First Middle Last" into eOther.21 first and eOther.20 last name. */
export function splitSignerName(name: string): { first?: string; last: string } {
  const parts = name.trim().split(/\s+/);
  const last = parts.pop() ?? '';
  return parts.length > 0 ? { first: parts.join(' '), last } : { last };
}

/** A stable UUID-shaped value for a chart id that is not itself a UUID (PatientCareReport/@UUID). */
export function toUuid(id: string): string {
  if (/^[a-f0-9]{8}-[a-f0-9]{4}-[1-5][a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$/i.test(id)) return id;
  let hex = '';
  let h = 0x811c9dc5;
  for (let round = 0; hex.length < 32; round++) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
