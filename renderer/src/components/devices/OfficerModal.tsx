import { App, Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import type { AccountRefDto, OfficerDto } from '../../../../main/api/dto';
import { useDevicesStore } from '../../stores/devices';
import { NAME_RULES } from '../../validation';
import { FormModal, PeopleSelect } from '../FormModal';

interface Values {
  name: string;
  badgeNo: string;
  active: boolean;
  userId: number | null;
}

/** Why an account cannot be linked to this officer, or null when it can. */
function whyNotLinkable(a: AccountRefDto, officer: OfficerDto): string | null {
  if (a.disabled) return '已停用';
  if (a.officerId !== null && a.officerId !== officer.id) return '已关联其他人员';
  if (a.badgeNo !== null && a.badgeNo.toLowerCase() !== officer.badgeNo.toLowerCase()) return `警号 ${a.badgeNo}`;
  return null;
}

/** Add an officer (name and badge number; no login needed), or rename / deactivate one. */
export function OfficerModal(props: { open: boolean; officer: OfficerDto | null; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { createOfficer, updateOfficer, accounts } = useDevicesStore();
  const { officer } = props;
  const editing = officer !== null;
  const initial: Partial<Values> = officer ? { name: officer.name, badgeNo: officer.badgeNo, active: officer.active, userId: officer.userId } : { active: true, userId: null };
  // The form instance outlives the dialog: fill it for the officer opened now (after an add, it held the new one's).
  useEffect(() => {
    if (props.open) form.setFieldsValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open, officer, form]);

  const submit = async (v: Values) => {
    if (officer) {
      await updateOfficer({ id: officer.id, name: v.name.trim(), active: v.active, ...(v.userId !== officer.userId ? { userId: v.userId ?? null } : {}) });
      void message.success(`已保存 ${v.name.trim()}`);
    } else {
      const o = await createOfficer({ name: v.name.trim(), badgeNo: v.badgeNo.trim() });
      void message.success(`已新增人员 ${o.name}（${o.badgeNo}）`);
    }
  };

  return (
    <FormModal
      open={props.open}
      title={editing ? `修改人员：${officer.name}` : '新增人员'}
      okText={editing ? '保存' : '新增'}
      form={form}
      formKey={officer?.id ?? 'new'}
      initialValues={initial}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <Form.Item name="badgeNo" label="警号（执法证号）" rules={[{ required: true, whitespace: true, message: '请填写警号' }, { max: 32 }]} extra={editing ? '警号是人员的标识，不能修改。' : undefined}>
          <Input autoFocus={!editing} disabled={editing} autoComplete="off" className="ew-mono" />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={NAME_RULES}>
          <Input autoFocus={editing} autoComplete="off" />
        </Form.Item>
      </div>
      {editing && (
        <Form.Item
          name="userId"
          label="登录账户"
          extra="关联后，此人用该账户登录即以本人员身份在记录表上签名。账户的警号须与人员警号一致（未填警号的账户将采用本人员的警号）。"
        >
          <PeopleSelect allowClear placeholder="未关联" data-testid="officer-account-select" people={accounts.map((a) => ({ id: a.id, label: `${a.displayName}（${a.login}）`, why: whyNotLinkable(a, officer) }))} />
        </Form.Item>
      )}
      {editing && (
        <Form.Item name="active" label="在岗" valuePropName="checked" extra="停用后不能再领用记录仪；其历史资料和移交记录保留。">
          <Switch checkedChildren="在岗" unCheckedChildren="停用" />
        </Form.Item>
      )}
    </FormModal>
  );
}
