import { AppError, passwordProblem } from '../common';

/** The one check every new password passes (setup, user creation, reset, change); throws in Chinese when it fails. */
export function requireStrongPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('WEAK_PASSWORD', `${problem}（密码规则：至少 10 位，不能全是数字）`, 'password breaks the policy');
}
