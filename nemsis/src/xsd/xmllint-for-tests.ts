/**
 * Test support: the reference verdict of libxml2 (`xmllint --schema EMSDataSet_v3.xsd`) through the
 * xmllint-wasm package, so agreement tests need no system binary. Not exported from the package.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

export const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));
const XSD_DIR = join(ASSETS_DIR, 'xsd');

let schemaFiles: { fileName: string; contents: string }[] | undefined;

function loadSchemaFiles(): { fileName: string; contents: string }[] {
  schemaFiles ??= readdirSync(XSD_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .sort()
    .map((fileName) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), 'utf8') }));
  return schemaFiles;
}

/**
 * Validates each document with libxml2 against the official schema; returns file name → valid.
 * Documents are validated in one xmllint run (file names must be plain and unique).
 */
export async function xmllintVerdicts(documents: { fileName: string; contents: string }[]): Promise<Map<string, boolean>> {
  const schemas = loadSchemaFiles();
  const main = schemas.find((s) => s.fileName === 'EMSDataSet_v3.xsd');
  if (!main) throw new Error('EMSDataSet_v3.xsd is missing from assets/xsd');
  const result = await validateXML({
    xml: documents,
    schema: main,
    preload: schemas.filter((s) => s !== main),
    maxMemoryPages: 16 * 1024,
  });
  const verdicts = new Map<string, boolean>();
  for (const line of result.rawOutput.split('\n')) {
    const ok = /^(.*) validates$/.exec(line);
    const bad = /^(.*) fails to validate$/.exec(line);
    if (ok?.[1]) verdicts.set(ok[1], true);
    if (bad?.[1]) verdicts.set(bad[1], false);
  }
  for (const d of documents) {
    if (!verdicts.has(d.fileName)) throw new Error(`xmllint gave no verdict for ${d.fileName}: ${result.rawOutput.slice(0, 500)}`);
  }
  return verdicts;
}
