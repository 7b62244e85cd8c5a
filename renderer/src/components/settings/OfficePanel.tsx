import { Alert, App, Button, Divider, Form, Input, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import type { OfficeDto } from '../../../../main/api/dto';
import { useOfficeStore } from '../../stores/office';
import { TIME_ZONE_OPTIONS } from '../../validation';
import { rangeHint, rangeRules } from './rangeRules';
import { useSubmit } from '../../hooks/useSubmit';
import { FactSheet } from '../FactSheet';

/** The settings this panel edits (office.update); the rest of the office is shown read-only. */
type OfficeValues = Pick<OfficeDto, 'name' | 'unitName' | 'timeZone' | 'idleMinutes' | 'retentionMonths' | 'caseRetentionMonths'>;

/** A whole number of `unit` within limits: the limits first in the hint, then what the setting does. */
function WholeNumberItem(props: { name: keyof OfficeValues; label: string; min: number; max: number; unit: string; why: string }) {
  return (
    <Form.Item name={props.name} label={props.label} rules={rangeRules(props.min, props.max, props.unit)} extra={`${rangeHint(props.min, props.max, props.unit)}。${props.why}`}>
      <InputNumber precision={0} suffix={props.unit} style={{ width: 160 }} />
    </Form.Item>
  );
}

/** 单位设置: names, time zone and idle logout; the archive folder and CA fingerprint read-only. */
export function OfficePanel() {
  const { busy, error, run } = useSubmit();
  const { message } = App.useApp();
  const { office, error: loadError, load, update } = useOfficeStore();
  const [form] = Form.useForm<OfficeValues>();

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  if (!office) return <Skeleton active />;

  const submit = async (v: OfficeValues) => {
    await run(async () => {
      await update({ name: v.name.trim(), unitName: v.unitName.trim(), timeZone: v.timeZone, idleMinutes: v.idleMinutes, retentionMonths: v.retentionMonths, caseRetentionMonths: v.caseRetentionMonths });
      void message.success('单位设置已保存');
    });
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <Form<OfficeValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '150px' }}
        requiredMark={false}
        initialValues={{ name: office.name, unitName: office.unitName, timeZone: office.timeZone, idleMinutes: office.idleMinutes, retentionMonths: office.retentionMonths, caseRetentionMonths: office.caseRetentionMonths }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label="单位全称" rules={[{ required: true, whitespace: true, message: '请填写单位全称' }, { max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="unitName"
          label="印章单位名称"
          rules={[{ required: true, whitespace: true, message: '请填写印章单位名称' }, { max: 64 }]}
          extra="用于记录表盖章栏。单位根证书中的名称在初始化时已确定，不随此处修改。"
        >
          <Input />
        </Form.Item>
        <Form.Item name="timeZone" label="时区" rules={[{ required: true, message: '请选择时区' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={TIME_ZONE_OPTIONS} />
        </Form.Item>
        <WholeNumberItem name="idleMinutes" label="无操作自动退出" min={1} max={480} unit="分钟" why="超过此时间无操作，将自动退出登录。" />
        <WholeNumberItem name="retentionMonths" label="资料保存期限" min={3} max={600} unit="个月" why="入库时按录制日期加此期限确定保存截止日，不少于 3 个月（制度第十一条第三款）；作为证据的资料随案件保存。延长对已入库的资料同样生效，缩短只影响此后入库的资料（到期资料页）。" />
        <WholeNumberItem name="caseRetentionMonths" label="案件资料结案后保存" min={0} max={600} unit="个月" why="属于案件的资料在案件办理中一律保存；结案后再保存此期限，到期后方可申请销毁。" />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Form.Item>
      </Form>
      <Divider titlePlacement="start">只读信息</Divider>
      <FactSheet
        labelWidth={150}
        items={[
          { key: 'archive', label: '档案库位置', children: <span className="ew-mono">{office.archiveRoot}</span> },
          {
            key: 'ca',
            label: '单位根证书指纹',
            children: (
              <>
                <div className="ew-mono" data-testid="ca-fingerprint">
                  SHA-256 {office.caFingerprintSha256}
                </div>
                <Typography.Text type="secondary">请将此指纹另行公布（如书面函告法院、张贴公示）：核对证据光盘时，以光盘上根证书的指纹与此比对，一致方可采信。</Typography.Text>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
