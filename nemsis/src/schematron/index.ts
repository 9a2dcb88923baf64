export { validateSchematron, type ValidateSchematronOptions } from './validate';
export { compileSchematron, compileSchematronSchema, severityOfRole, type SchematronRules } from './compile-rules';
export { parseSchematron } from './parse-schematron';
export { getNationalEmsRules } from './national-rules';
export { SchematronCompileError } from './xml-tree';
export type { FiredRule } from './run-rules';
export type { SchematronSchema, SchematronPattern, SchematronRule, SchematronCheck, SchematronVariable, SchematronKey, MessagePart } from './schema-types';
export { XPathSyntaxError, XPathDynamicError } from './xpath/errors';
