export { checkStrategy } from './check-strategy';
export { FINDING_CODES, type Finding, type FindingCode } from './finding';
