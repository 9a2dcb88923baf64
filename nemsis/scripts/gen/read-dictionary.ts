/**
 * Reads the NEMSIS data-dictionary extracts (pipe-delimited, single-quoted fields; quotes inside a
 * field are not escaped, so fields are split on the `'|'` separator).
 */
import { readFileSync } from 'node:fs';
import type { ElementDictionaryEntry, NemsisUsage } from '../../src/xsd/model';

function readRows(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const split = (line: string): string[] => {
    const body = line.trim().replace(/^'/, '').replace(/'\|$/, '');
    return body.split("'|'");
  };
  const [header, ...rows] = lines;
  if (!header) throw new Error(`gen: ${file} is empty`);
  const columns = split(header);
  return rows.map((line) => {
    const cells = split(line);
    if (cells.length !== columns.length) throw new Error(`gen: ${file}: ${cells.length} fields, expected ${columns.length}: ${line}`);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

const USAGES: readonly NemsisUsage[] = ['Mandatory', 'Required', 'Recommended', 'Optional'];

function codeList(value: string | undefined, names: Map<string, string>): string[] | undefined {
  const items = (value ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) return undefined;
  return items.map((item) => names.get(item) ?? item);
}

/**
 * Per element number: label, usage, national/state flags and the NV/PN codes it accepts.
 * `nvPnCodes` maps symbolic names such as `NV.NotRecorded` to their codes (from the XSD).
 */
export function readElementDetails(file: string, nvPnCodes: Map<string, string>): Map<string, ElementDictionaryEntry> {
  const entries = new Map<string, ElementDictionaryEntry>();
  for (const row of readRows(file)) {
    const usage = row.Usage as NemsisUsage;
    if (!USAGES.includes(usage)) throw new Error(`gen: unknown usage "${row.Usage}" for ${row.ElementNumber}`);
    const entry: ElementDictionaryEntry = {
      label: row.ElementName ?? '',
      usage,
      national: row.National === 'National',
      state: row.State === 'State',
    };
    const nv = codeList(row.NVList, nvPnCodes);
    const pn = codeList(row.PNList, nvPnCodes);
    if (nv) entry.nvCodes = nv;
    if (pn) entry.pnCodes = pn;
    entries.set(row.ElementNumber ?? '', entry);
  }
  return entries;
}

/** Per element number: code → description. */
export function readEnumerations(file: string): Map<string, Map<string, string>> {
  const codes = new Map<string, Map<string, string>>();
  for (const row of readRows(file)) {
    const element = row.ElementNumber ?? '';
    let map = codes.get(element);
    if (!map) codes.set(element, (map = new Map()));
    map.set(row.Code ?? '', row.CodeDescription ?? '');
  }
  return codes;
}
