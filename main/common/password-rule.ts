/**
 * The office's password rule (issue 11 item 15): at least 10 characters and not all digits. A password also
 * protects the user's signing key, so a birthday or a badge number will not do. The renderer shows the same text
 * and checks the same function while typing; main/accounts enforces it on setup, creation, reset and change.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_RULE_TEXT = `至少 ${PASSWORD_MIN_LENGTH} 位，不能全是数字`;

/** Why a password breaks the rule (Chinese, for the form), or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  // Code points, not UTF-16 units: 执法记录仪 counts as five characters.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (length > PASSWORD_MAX_LENGTH) return '密码过长';
  if (/^\d+$/.test(password)) return '密码不能全是数字';
  return null;
}
