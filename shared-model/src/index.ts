export { hasErrors, type Finding, type Severity } from './finding';
export * from './field-rules/index';
