import { CheckCircleFilled, CloseCircleFilled, EditOutlined, FileWordOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { GeneratedFileDto, RecordFormDto, RecordFormFileDto, RecordFormSignatureDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { formatBytes, formatDuration } from '../../format';
import { GeneratedFileView } from '../GeneratedFile';
import { FormStateTag } from './FormStateTag';
import { ROLE_LABELS } from '../../labels';
import { FORM_STATE_LABELS, FORM_STATE_ORDER } from './labels';
import { ScanUpload } from './ScanUpload';
import { formatOptionalTime } from '../../time';
import { useSubmit } from '../../hooks/useSubmit';

interface EditValues {
  place: string;
  cameraOperator: string;
  officers: string[];
  remarks: string;
}

const at = (iso: string | null) => formatOptionalTime(iso, 'YYYY-MM-DD HH:mm:ss');

const fileColumns: ColumnsType<RecordFormFileDto> = [
  { title: '序号', key: 'n', width: 60, render: (_v, _r, i) => i + 1 },
  { title: '文件名', dataIndex: 'name', ellipsis: true },
  { title: '开始时间', dataIndex: 'startAt', width: 170, render: at },
  { title: '时长', dataIndex: 'durationSec', width: 90, render: (s: number | null) => formatDuration(s) },
  { title: '大小', dataIndex: 'size', width: 100, align: 'right', render: (n: number) => formatBytes(n) },
  { title: 'SHA-256', dataIndex: 'sha256', render: (h: string) => <span className="ew-mono" style={{ fontSize: 12, wordBreak: 'break-all' }}>{h}</span> },
];

function SignatureList(props: { signatures: RecordFormSignatureDto[] }) {
  if (!props.signatures.length) return <Typography.Text type="secondary">尚无电子签名</Typography.Text>;
  return (
    <div data-testid="signatures">
      {props.signatures.map((s) => (
        <div key={s.id} style={{ lineHeight: 2, opacity: s.voidAt ? 0.6 : 1 }} data-role={s.role} data-void={s.voidAt ? '1' : '0'}>
          <Space size={8} wrap>
            {s.voidAt ? <Tag>已失效</Tag> : s.verified ? <Tag color="green" icon={<CheckCircleFilled />}>签名有效</Tag> : <Tag color="red" icon={<CloseCircleFilled />}>签名无法验证</Tag>}
            <span style={{ textDecoration: s.voidAt ? 'line-through' : undefined }}>
              {ROLE_LABELS[s.role]} {s.signer.displayName} 已签（{at(s.signedAt)}，证书序列号 <span className="ew-mono">{s.certSerial}</span>）
            </span>
            {s.voidReason && <Typography.Text type="secondary">{s.voidReason}</Typography.Text>}
          </Space>
        </div>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        签名文件与所签内容保存在档案库 forms/ 文件夹，可用 openssl cms -verify 独立核验。
      </Typography.Text>
    </div>
  );
}

/** One record form: the auto-filled facts, the fields a person fills in, the signatures and the printout. */
export function RecordFormView(props: { form: RecordFormDto; onChange: (f: RecordFormDto) => void }) {
  const { form: f, onChange } = props;
  const { message } = App.useApp();
  const [edit] = Form.useForm<EditValues>();
  const { doing: busy, run: submit } = useSubmit<'save' | 'sign' | 'docx'>({ toast: true });
  const [docx, setDocx] = useState<GeneratedFileDto | null>(null);
  const signed = f.state === 'officer_signed' || f.state === 'chief_signed';
  const locked = f.state === 'locked';

  const run = (what: 'save' | 'sign' | 'docx', fn: () => Promise<void>) => submit(fn, what);

  const save = () =>
    run('save', async () => {
      const v = await edit.validateFields();
      const next = await api.forms.recordUpdate({ id: f.id, place: v.place, cameraOperator: v.cameraOperator, officers: v.officers, remarks: v.remarks });
      onChange(next);
      setDocx(null);
      void message.success(next.state === 'draft' && signed ? '已保存；原有签名已失效，请重新签名' : '已保存');
    });

  const sign = () =>
    run('sign', async () => {
      const next = await api.forms.recordSign({ id: f.id });
      onChange(next);
      setDocx(null);
      void message.success('已签名');
    });

  const makeDocx = () =>
    run('docx', async () => {
      setDocx(await api.forms.recordDocx({ id: f.id }));
    });

  const current = FORM_STATE_ORDER.indexOf(f.state);
  const saveButton = (
    <Button type="primary" icon={<EditOutlined />} loading={busy === 'save'} disabled={locked} data-testid="save-form" onClick={signed ? undefined : () => void save()}>
      保存
    </Button>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="record-form-view">
      <Card size="small">
        <Steps
          size="small"
          current={current}
          items={FORM_STATE_ORDER.map((s, i) => ({ title: FORM_STATE_LABELS[s], status: i < current || (f.state !== 'draft' && i === current) ? 'finish' : i === current ? 'process' : 'wait' }))}
        />
      </Card>

      <Card
        title={
          <Space>
            <span>
              记录表 {f.discNo}（{f.caseNumber} {f.caseTitle}）
            </span>
            <FormStateTag state={f.state} />
          </Space>
        }
        extra={
          <Space wrap>
            {f.canSign && (
              <Popconfirm
                title={f.canSign === 'officer' ? '以执法人员身份签名' : '以大队负责人身份签名并加盖单位印章'}
                description="签名覆盖记录表的全部内容，签名后任何修改都会使签名失效。"
                okText="签名"
                cancelText="取消"
                onConfirm={() => void sign()}
              >
                <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy === 'sign'} data-testid="sign-form">
                  {f.canSign === 'officer' ? '执法人员签名' : '负责人签名并盖章'}
                </Button>
              </Popconfirm>
            )}
            {!f.canSign && f.signRefusal && !locked && (
              <Tooltip title={f.signRefusal}>
                <Button icon={<SafetyCertificateOutlined />} disabled data-testid="sign-form-refused">
                  签名
                </Button>
              </Tooltip>
            )}
            <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => void makeDocx()} data-testid="form-docx">
              打印/下载记录表
            </Button>
            <ScanUpload form={f} onChange={onChange} />
          </Space>
        }
      >
        {!f.canSign && f.signRefusal && !locked && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="sign-refusal" title={`不能签名：${f.signRefusal}`} />
        )}
        {docx && <GeneratedFileView file={docx} label="下载" style={{ marginBottom: 12 }} />}
        <Descriptions size="small" bordered column={2} labelStyle={{ width: 150, whiteSpace: 'nowrap' }}>
          <Descriptions.Item label="案件名称">{f.fields.caseTitle}</Descriptions.Item>
          <Descriptions.Item label="案号">{f.fields.caseNumber}</Descriptions.Item>
          <Descriptions.Item label="光盘编号">{f.fields.discNo}</Descriptions.Item>
          <Descriptions.Item label="记录仪品牌型号">
            {f.fields.recorderBrand} {f.fields.recorderModel}
          </Descriptions.Item>
          <Descriptions.Item label="录制开始时间">{at(f.fields.recordingStart)}</Descriptions.Item>
          <Descriptions.Item label="录制结束时间">{at(f.fields.recordingEnd)}</Descriptions.Item>
          <Descriptions.Item label="文件格式">{f.fields.format}</Descriptions.Item>
          <Descriptions.Item label="时长及大小">
            {formatDuration(f.fields.totalDurationSec)}，{formatBytes(f.fields.totalBytes)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 16px', fontSize: 12 }}>
          以上内容由系统根据入库记录自动填写，不能手工修改。
        </Typography.Text>

        <Typography.Title level={5}>需人工填写</Typography.Title>
        {signed && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="记录表已签名：修改任何内容都会使已有签名失效，记录表回到草稿状态，需重新签名。" />}
        {locked && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`记录表已随光盘 ${f.discIds.join('、')} 归档并锁定，不能再修改。`} />}
        <Form
          form={edit}
          layout="vertical"
          disabled={locked}
          key={`${f.id}:${f.contentSha256}`}
          initialValues={{ place: f.fields.place, cameraOperator: f.fields.cameraOperator, officers: f.fields.officers, remarks: f.fields.remarks }}
        >
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
            <Form.Item name="place" label="录制地点" rules={[{ required: true, whitespace: true, message: '请填写录制地点' }]}>
              <Input maxLength={200} placeholder="如：某某镇人民路 12 号门前" data-testid="field-place" />
            </Form.Item>
            <Form.Item name="cameraOperator" label="摄录人" rules={[{ required: true, whitespace: true, message: '请填写摄录人' }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="officers" label="执法人员" rules={[{ required: true, message: '至少填写一名执法人员' }]}>
              <Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} placeholder="输入姓名后回车" />
            </Form.Item>
            <Form.Item name="remarks" label="备注">
              <Input maxLength={500} />
            </Form.Item>
          </div>
          {signed ? (
            <Popconfirm title="修改将使已有签名失效" description="记录表回到草稿状态，需执法人员和负责人重新签名。" okText="仍要修改" cancelText="取消" onConfirm={() => void save()}>
              {saveButton}
            </Popconfirm>
          ) : (
            saveButton
          )}
        </Form>
      </Card>

      <Card title="电子签名" size="small">
        <SignatureList signatures={f.signatures} />
        {f.scan && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              签字扫描件：{f.scan.fileName}（SHA-256 <span className="ew-mono">{f.scan.sha256.slice(0, 16)}…</span>）
            </Typography.Text>
          </div>
        )}
      </Card>

      <Card title={`视听资料文件清单（共 ${f.fields.files.length} 个）`} size="small">
        <Table rowKey="mediaId" size="small" columns={fileColumns} dataSource={f.fields.files} pagination={false} />
      </Card>
    </Space>
  );
}
