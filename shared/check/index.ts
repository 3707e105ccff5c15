export { checkStrategy } from './check-strategy';
export { FINDING_CODES, SEVERITY, type Finding, type FindingCode, type Severity } from './finding';
