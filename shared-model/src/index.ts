export { hasErrors, type Finding, type Severity } from './finding';
