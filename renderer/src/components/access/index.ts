// 查阅审批 (issue 5): what other pages may place.
export { PendingApprovalsCard } from './PendingApprovalsCard';
export { RequestAccessButton, RequestAccessModal } from './RequestAccessButton';
export type { RequestScope } from './RequestForm';
export { requestScopeFor } from './requestScope';
