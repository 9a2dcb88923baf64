import { EMS_DATASET_SCHEMA } from '../generated/schematron/ems-dataset-schema';
import { compileSchematronSchema, type SchematronRules } from './compile-rules';

let national: SchematronRules | undefined;

/**
 * The official NEMSIS v3.5.1 national EMSDataSet Schematron (nemSch_e001 … nemSch_e193), compiled on
 * first use from the data committed in src/generated/schematron/ (no file access: works in the browser).
 */
export function getNationalEmsRules(): SchematronRules {
  national ??= compileSchematronSchema(EMS_DATASET_SCHEMA);
  return national;
}
