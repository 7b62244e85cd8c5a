import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import type { OfficerDto, RecorderDto, ScanDto } from '../../../../main/api/dto';
import { useDevicesStore } from '../../stores/devices';
import { useIngestStore } from '../../stores/ingest';

const NEW_OFFICER = 'new';

interface Values {
  recorderSerial?: string;
  officer?: string;
  newBadge?: string;
  newName?: string;
  clearSource: boolean;
}

function officerLabel(o: OfficerDto): string {
  return `${o.name}（${o.badgeNo}）${o.active ? '' : ' · 停用'}`;
}

/** Who handed over which recorder: filled from the volume and the register, confirmed by the custodian. */
export function AttributionForm(props: { scan: ScanDto }) {
  const { officers, recorders, loaded, load } = useDevicesStore();

  useEffect(() => {
    void load();
  }, [load]);

  if (!loaded) return <Skeleton active paragraph={{ rows: 3 }} />;
  return <AttributionFormBody key={props.scan.sourceId} scan={props.scan} officers={officers} recorders={recorders} />;
}

function initialValues(scan: ScanDto, officers: OfficerDto[]): Values {
  const byBadge = scan.badgeNo ? officers.find((o) => o.badgeNo === scan.badgeNo) : undefined;
  const officer = scan.suggestedOfficer ?? byBadge ?? null;
  if (officer) return { recorderSerial: scan.recorderSerial ?? '', officer: String(officer.id), clearSource: false };
  if (scan.badgeNo) return { recorderSerial: scan.recorderSerial ?? '', officer: NEW_OFFICER, newBadge: scan.badgeNo, clearSource: false };
  return { recorderSerial: scan.recorderSerial ?? '', clearSource: false };
}

function AttributionFormBody(props: { scan: ScanDto; officers: OfficerDto[]; recorders: RecorderDto[] }) {
  const { scan, officers, recorders } = props;
  const [form] = Form.useForm<Values>();
  const { start, starting, startError, keepOther } = useIngestStore();
  const { modal } = App.useApp();
  const serial = (Form.useWatch('recorderSerial', form) ?? '').trim();
  const officerChoice = Form.useWatch('officer', form);
  const clearSource = Form.useWatch('clearSource', form) ?? false;

  const recorder = serial ? recorders.find((r) => r.serial === serial) : undefined;
  // 其他 files are taken only when chosen; the count and the button follow what will really be taken.
  const taken = scan.files.filter((f) => f.kind !== 'other' || keepOther.includes(f.relPath));
  const newFiles = taken.filter((f) => !f.alreadyIn).length;
  const canStart = scan.fits && taken.length > 0;

  const submit = (v: Values) => {
    let officerBadge: string | null = null;
    let officerName: string | undefined;
    if (v.officer === NEW_OFFICER) {
      officerBadge = v.newBadge?.trim() || null;
      officerName = v.newName?.trim() || undefined;
    } else if (v.officer) {
      officerBadge = officers.find((o) => String(o.id) === v.officer)?.badgeNo ?? null;
    }
    const recorderSerial = v.recorderSerial?.trim() || null;
    const go = (confirmNewRecorder: boolean) =>
      void start({ recorderSerial, officerBadge, ...(officerName ? { officerName } : {}), clearSource: v.clearSource, confirmNewRecorder });
    if (!recorderSerial || recorders.some((r) => r.serial === recorderSerial)) return go(false);
    // A typo in the serial must not register a recorder silently: the custodian confirms it.
    modal.confirm({
      title: `登记新记录仪 ${recorderSerial}？`,
      content: '该编号尚未登记。请与机身标签核对；确认无误后将登记为新记录仪并开始导入。',
      okText: '确认登记并导入',
      cancelText: '返回核对',
      onOk: () => go(true),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '130px' }}
      requiredMark={false}
      initialValues={initialValues(scan, officers)}
      onFinish={submit}
      style={{ maxWidth: 760 }}
    >
      <Form.Item
        name="recorderSerial"
        label="记录仪编号"
        rules={[{ max: 64, message: '不超过 64 个字符' }]}
        extra={
          !serial ? (
            '未能从设备读取编号；从记录仪导入时请填写（机身标签上的编号），其他来源可不填。'
          ) : recorder ? (
            <span data-testid="recorder-known">
              已登记：{[recorder.brand, recorder.model].filter(Boolean).join(' ') || '（未填品牌型号）'}
              {recorder.currentOfficer ? `，当前使用人 ${recorder.currentOfficer.name}（${recorder.currentOfficer.badgeNo}）` : '，当前无人领用'}
            </span>
          ) : (
            <Typography.Text type="warning" data-testid="recorder-unknown">
              该编号尚未登记。开始导入前会请您确认登记为新记录仪（请先与机身标签核对）。
            </Typography.Text>
          )
        }
      >
        <Input autoComplete="off" style={{ width: 280 }} className="ew-mono" />
      </Form.Item>
      <Form.Item
        name="officer"
        label="移交人"
        rules={[{ required: true, message: '请选择移交人（佩戴该记录仪的执法人员）' }]}
        extra={scan.suggestedOfficer ? '已按记录仪领用记录或设备中的警号预填，请核对。' : scan.badgeNo ? `设备中的警号为 ${scan.badgeNo}。` : undefined}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择执法人员"
          style={{ width: 280 }}
          options={[
            ...officers.filter((o) => o.active || String(o.id) === officerChoice).map((o) => ({ value: String(o.id), label: officerLabel(o) })),
            { value: NEW_OFFICER, label: '新的人员（输入警号和姓名）' },
          ]}
        />
      </Form.Item>
      {officerChoice === NEW_OFFICER && (
        <Form.Item label="新的人员" style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="newBadge" rules={[{ required: true, whitespace: true, message: '请填写警号' }, { max: 32 }]}>
              <Input placeholder="警号" autoComplete="off" style={{ width: 134 }} />
            </Form.Item>
            <Form.Item name="newName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 32 }]}>
              <Input placeholder="姓名" autoComplete="off" style={{ width: 134 }} />
            </Form.Item>
          </div>
        </Form.Item>
      )}
      <Form.Item
        name="clearSource"
        label="清除记录仪"
        valuePropName="checked"
        extra="只有在每个已保存的副本都重新校验一致后，才会删除记录仪上的文件。"
      >
        <Checkbox>导入后清除记录仪</Checkbox>
      </Form.Item>
      {clearSource && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16, marginLeft: 130 }}
          title="导入完成后将删除记录仪上的原始文件"
          description="程序会先重新读取档案库中的每个副本并核对 SHA-256，全部一致后才删除记录仪上的文件；任何一个不一致都不会删除。"
        />
      )}
      {startError && <Alert type="error" showIcon title={startError} style={{ marginBottom: 16, marginLeft: 130 }} />}
      <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={starting} disabled={!canStart} size="large">
          开始导入
        </Button>
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {taken.length === 0 ? '没有可导入的音视频或照片文件' : `将导入 ${taken.length} 个文件，其中 ${newFiles} 个新文件；已导入过的文件会识别为重复，不重复保存。`}
        </Typography.Text>
      </Form.Item>
    </Form>
  );
}
