// Cases and their items.
export { listCases, loadCase, findCase, caseColumns } from './cases';
export type { CaseSummaryDto, CaseItemDto, CaseDetailDto, CasePageDto } from './types';
