// Cases and their items.
export { listCases, loadCase, findCase, caseColumns } from './cases';
export type { CaseSummaryDto, CaseItemDto, CaseDetailDto, CasePageDto } from './types';
export { caseNumberTaken, insertCase, updateCase, setCaseClassification, addCaseItems, findCaseItem, removeCaseItem, type NewCase, type CaseChanges } from './items';
