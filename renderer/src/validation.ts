import type { FormRule } from 'antd';
import { PASSWORD_RULE_TEXT, passwordProblem } from '../../main/common';

/** The same rules the contract enforces, checked early so people see them while typing. */
export const LOGIN_RULES: FormRule[] = [
  { required: true, message: '请填写登录名' },
  { pattern: /^[A-Za-z0-9._-]{2,32}$/, message: '登录名须为 2–32 位字母、数字、点、下划线或连字符' },
];

export const NAME_RULES: FormRule[] = [
  { required: true, whitespace: true, message: '请填写姓名' },
  { max: 32, message: '姓名不超过 32 个字' },
];

export const NEW_PASSWORD_RULES: FormRule[] = [
  { required: true, message: '请设置密码' },
  {
    validator(_rule, value: unknown) {
      const problem = typeof value === 'string' && value ? passwordProblem(value) : null;
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  },
];

/** The password rule as the forms state it (the same text main/accounts enforces). */
export const PASSWORD_HINT = PASSWORD_RULE_TEXT;

/** "Repeat the password" rule for a field that must equal `field`. */
export function confirmRule(field: string | (string | number)[]): FormRule {
  return ({ getFieldValue }) => ({
    validator(_rule, value: unknown) {
      if (!value || getFieldValue(field) === value) return Promise.resolve();
      return Promise.reject(new Error('两次输入的密码不一致'));
    },
  });
}

/** Time zones offered in settings; the common Chinese ones first, with a Chinese hint. */
const ZONE_HINTS: Record<string, string> = {
  'Asia/Shanghai': '北京时间',
  'Asia/Urumqi': '乌鲁木齐',
  'Asia/Hong_Kong': '香港',
  'Asia/Macau': '澳门',
  'Asia/Taipei': '台北',
};

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

function timeZoneOptions(): { value: string; label: string }[] {
  const first = Object.keys(ZONE_HINTS);
  const rest = supportedZones().filter((z) => !first.includes(z));
  return [...first, ...rest].map((z) => ({ value: z, label: ZONE_HINTS[z] ? `${z}（${ZONE_HINTS[z]}）` : z }));
}

export const TIME_ZONE_OPTIONS = timeZoneOptions();
