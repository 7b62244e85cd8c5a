import type { Rule } from 'antd/es/form';

/**
 * A whole number within limits, said up front and refused with a message when outside them. The InputNumber itself
 * gets no min/max: antd would otherwise clamp on blur and turn a typed 0 into 1 without a word (issue 11 item 15).
 */
export function rangeRules(min: number, max: number, unit: string): Rule[] {
  const range = `${min}–${max}${unit ? ` ${unit}` : ''}`;
  return [
    { required: true, message: `请填写 ${range}之间的整数` },
    { type: 'integer', message: '请填写整数' },
    { type: 'number', min, max, message: `超出允许范围：须在 ${range}之间` },
  ];
}

/** The limits as the field's hint says them: '允许 1–480 分钟'. */
export function rangeHint(min: number, max: number, unit: string): string {
  return `允许 ${min}–${max}${unit ? ` ${unit}` : ''}`;
}
