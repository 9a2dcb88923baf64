// Generates small JSON lists ({code, label, category}) from the NEMSIS defined lists for the editor's
// pickers. They are fetched lazily (and precached by the service worker), never in the initial bundle.
// Run: pnpm --filter @field/crewlink gen
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../../../nemsis/assets/definedlists/', import.meta.url));
const target = fileURLToPath(new URL('../public/lists/', import.meta.url));
for (const name of ['Impression', 'Medication', 'Procedure', 'Symptom']) {
  const list = JSON.parse(readFileSync(`${source}${name}.json`, 'utf8'));
  const codes = list.DefinedList.Codes.Code.map((c) => ({
    code: c.Value.Value,
    label: c.SuggestedLabel || c.SourceLabel,
    category: c.Category ?? '',
  }));
  writeFileSync(`${target}${name.toLowerCase()}.json`, `${JSON.stringify(codes)}\n`);
  console.log(`${name}: ${codes.length} codes`);
}
