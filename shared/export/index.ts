// The Word export (pure: runs in the host and in the renderer). The host's loader of house
// styles, LibreOffice layout pass and CLI live in main/export and main/cli/commands/export.ts.
export {
  exportDocx,
  exportDocxDetailed,
  parsePart,
  ExportError,
  type ExportPart,
  type ExportDocxOptions,
  type DocxExport,
} from './docx/export-docx';
export type { LayoutPages, PageSource } from './docx/page-numbers';
export { houseStyleSchema, parseHouseStyle, pngSize, type HouseStyle, type HouseStyleLogo } from './house-style';
export {
  formatDate,
  formatMonth,
  formatMonthSpan,
  formatYears,
  formatAmountDkk,
  smartQuotes,
  initiativeStatusLabel,
  strategyStatusLabel,
  businessCaseStatusLabel,
  planKindLabel,
  type ExportLanguage,
} from './typography';
