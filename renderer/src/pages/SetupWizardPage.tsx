import { CloudDownloadOutlined, FolderOpenOutlined, PlusCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Progress, Select, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { CenterScreen } from '../components/CenterScreen';
import { RestoreFromBackup } from '../components/setup';
import { errorMessage } from '../errors';
import { useSessionStore } from '../stores/session';
import { LOGIN_RULES, NAME_RULES, NEW_PASSWORD_RULES, PASSWORD_HINT, confirmRule, TIME_ZONE_OPTIONS } from '../validation';
import { FactSheet } from '../components/FactSheet';

interface AccountValues {
  login: string;
  displayName: string;
  password: string;
  confirm: string;
}

interface SetupValues {
  officeName: string;
  unitName: string;
  timeZone: string;
  admin: AccountValues;
  chief: AccountValues;
}

const STEPS = [
  { key: 'office', title: '单位信息' },
  { key: 'archive', title: '档案库' },
  { key: 'admin', title: '管理员账户' },
  { key: 'chief', title: '大队负责人账户' },
  { key: 'confirm', title: '确认' },
] as const;

/** First run: a new office (新建), or an archive restored from a backup of the old machine (从备份恢复). */
export function SetupWizardPage() {
  const [mode, setMode] = useState<'choose' | 'new' | 'restore'>('choose');
  if (mode === 'new') return <NewOfficeWizard onBack={() => setMode('choose')} />;
  return (
    <CenterScreen title="执法记录仪证据工作站" subtitle={mode === 'restore' ? '首次使用 · 从备份恢复' : '首次使用 · 初始化向导'} width={mode === 'restore' ? 900 : 760}>
      {mode === 'restore' ? <RestoreFromBackup onBack={() => setMode('choose')} /> : <ModeChoice onChoose={setMode} />}
    </CenterScreen>
  );
}

function ModeChoice(props: { onChoose(mode: 'new' | 'restore'): void }) {
  const choices = [
    { mode: 'new' as const, icon: <PlusCircleOutlined />, title: '新建档案库', text: '本单位第一次使用本程序：填写单位信息，建立管理员和大队负责人账户。' },
    { mode: 'restore' as const, icon: <CloudDownloadOutlined />, title: '从备份恢复', text: '原工作站损坏或更换电脑：从备份盘恢复档案库，所有人用原来的密码登录。' },
  ];
  // As tall as the wizard's steps: the brand band above stays behind the title.
  return (
    <div style={{ minHeight: 380 }}>
      <StepIntro text="欢迎使用。请选择如何开始：" />
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
        {choices.map((c) => (
          <Card key={c.mode} hoverable onClick={() => props.onChoose(c.mode)} data-testid={`setup-mode-${c.mode}`}>
            <Space align="start">
              <span style={{ fontSize: 26, color: '#1f4e8c' }}>{c.icon}</span>
              <div>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {c.title}
                </Typography.Title>
                <Typography.Text type="secondary">{c.text}</Typography.Text>
              </div>
            </Space>
          </Card>
        ))}
      </div>
      <Alert
        style={{ marginTop: 24 }}
        type="info"
        showIcon
        title="从备份恢复需要备份盘，以及原单位保管员或管理员的登录名和密码。"
        description="恢复前会核对备份中每个文件的哈希值和签名；恢复后的档案库与备份时完全一致，之后的操作需重新进行。"
      />
    </div>
  );
}

/** A new office: office, archive location, the two first accounts, then the keys are made. */
function NewOfficeWizard(props: { onBack(): void }) {
  const [form] = Form.useForm<SetupValues>();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setup = useSessionStore((s) => s.setup);
  const initialize = useSessionStore((s) => s.initialize);
  const chooseArchive = useSessionStore((s) => s.chooseArchive);
  const current = STEPS[step]?.key ?? 'office';

  const next = () => {
    setError(null);
    setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };
  const back = () => {
    setError(null);
    setStep((s) => Math.max(s - 1, 0));
  };

  const finish = async () => {
    const v = form.getFieldsValue(true) as SetupValues;
    setBusy(true);
    setError(null);
    try {
      await initialize({
        officeName: v.officeName,
        unitName: v.unitName,
        timeZone: v.timeZone,
        admin: { login: v.admin.login, displayName: v.admin.displayName, password: v.admin.password },
        chief: { login: v.chief.login, displayName: v.chief.displayName, password: v.chief.password },
      });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const pickArchive = async () => {
    try {
      await chooseArchive();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  // Read only once the form is connected (from the second step on).
  const v = (step > 0 ? form.getFieldsValue(true) : {}) as Partial<SetupValues>;

  return (
    <CenterScreen title="执法记录仪证据工作站" subtitle="首次使用 · 初始化向导" width={760}>
      <Steps current={step} items={STEPS.map((s) => ({ title: s.title }))} size="small" style={{ marginBottom: 32 }} />
      {busy && <InitializingPanel />}
      <Form<SetupValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ timeZone: 'Asia/Shanghai' }}
        onFinish={() => (current === 'confirm' ? void finish() : next())}
        style={{ minHeight: 300, display: busy ? 'none' : undefined }}
      >
        {current === 'office' && (
          <>
            <StepIntro text="请填写本单位信息。单位全称显示在程序和报表中，印章单位名称用于记录表的盖章栏和单位根证书。" />
            <Form.Item name="officeName" label="单位全称" rules={[{ required: true, whitespace: true, message: '请填写单位全称' }, { max: 64 }]}>
              <Input autoFocus placeholder="例如：某某乡综合行政执法大队" />
            </Form.Item>
            <Form.Item name="unitName" label="印章单位名称" rules={[{ required: true, whitespace: true, message: '请填写印章单位名称' }, { max: 64 }]}>
              <Input placeholder="与单位公章上的名称一致，例如：某某乡人民政府" />
            </Form.Item>
            <Form.Item name="timeZone" label="时区" rules={[{ required: true, message: '请选择时区' }]} extra="用于按日期整理视听资料，一般保持默认的北京时间。">
              <Select showSearch={{ optionFilterProp: 'label' }} options={TIME_ZONE_OPTIONS} />
            </Form.Item>
          </>
        )}

        {current === 'archive' && (
          <>
            <StepIntro text="档案库是保存全部原始视听资料、数据库、证书和光盘镜像的文件夹。初始化完成后，档案库位置不能再更改。" />
            <div style={{ background: '#f5f7fa', border: '1px solid #e3e8ef', borderRadius: 6, padding: '16px 20px', marginBottom: 16 }}>
              <Space align="start">
                <FolderOpenOutlined style={{ fontSize: 22, color: '#1f4e8c', marginTop: 2 }} />
                <div>
                  <Typography.Text type="secondary">档案库文件夹</Typography.Text>
                  <div className="ew-mono" data-testid="archive-root" style={{ marginTop: 4 }}>
                    {setup?.archiveName ?? '—'}
                  </div>
                </div>
              </Space>
            </div>
            {setup?.canChooseArchive ? (
              <Button icon={<FolderOpenOutlined />} onClick={() => void pickArchive()}>
                更改
              </Button>
            ) : (
              <Typography.Paragraph type="secondary">档案库位置由启动参数指定，此处不能更改。</Typography.Paragraph>
            )}
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              title="建议将档案库放在容量充足、定期备份的本地磁盘上。"
            />
          </>
        )}

        {current === 'admin' && (
          <AccountFields
            prefix="admin"
            intro="管理员负责用户账户和单位设置。"
            note="此账户同时担任保管员：负责每日采集导入、每周归档、设备管理和查阅登记。"
          />
        )}

        {current === 'chief' && (
          <AccountFields
            prefix="chief"
            intro="大队负责人审批查阅申请，在记录表上签名并加盖单位印章，负责日常监督。"
            note="大队负责人与管理员须为不同的账户。"
            otherLogin={v.admin?.login}
          />
        )}

        {current === 'confirm' && (
          <>
            <StepIntro text="请核对以下信息。点击“完成初始化”后，程序将生成单位根证书和两个账户的签名密钥。" />
            <FactSheet
              labelWidth={180}
              items={[
                { key: 'officeName', label: '单位全称', children: v.officeName },
                { key: 'unitName', label: '印章单位名称', children: v.unitName },
                { key: 'timeZone', label: '时区', children: v.timeZone },
                { key: 'archive', label: '档案库', children: <span className="ew-mono">{setup?.archiveName}</span> },
                { key: 'admin', label: '管理员（兼保管员）', children: `${v.admin?.displayName ?? ''}（登录名：${v.admin?.login ?? ''}）` },
                { key: 'chief', label: '大队负责人', children: `${v.chief?.displayName ?? ''}（登录名：${v.chief?.login ?? ''}）` },
              ]}
            />
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              title="请牢记两个账户的密码"
              description="密码用于解锁个人签名密钥。遗失密码只能由管理员重置，并重新签发证书。"
            />
          </>
        )}

        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} data-testid="setup-error" />}

        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 28 }}>
          <Button onClick={step === 0 ? props.onBack : back}>
            上一步
          </Button>
          {current === 'confirm' ? (
            <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />}>
              完成初始化
            </Button>
          ) : (
            <Button type="primary" htmlType="submit">
              下一步
            </Button>
          )}
        </div>
      </Form>
    </CenterScreen>
  );
}

function StepIntro(props: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
      {props.text}
    </Typography.Paragraph>
  );
}

function AccountFields(props: { prefix: 'admin' | 'chief'; intro: string; note: string; otherLogin?: string }) {
  const { prefix, otherLogin } = props;
  return (
    <>
      <StepIntro text={props.intro} />
      <Alert type="info" showIcon title={props.note} style={{ marginBottom: 20 }} />
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <Form.Item
          name={[prefix, 'login']}
          label="登录名"
          rules={[
            ...LOGIN_RULES,
            {
              validator: (_r, value: unknown) =>
                otherLogin && typeof value === 'string' && value.toLowerCase() === otherLogin.toLowerCase()
                  ? Promise.reject(new Error('不能与管理员的登录名相同'))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input autoFocus autoComplete="off" placeholder="字母或数字，例如 zhangsan" />
        </Form.Item>
        <Form.Item name={[prefix, 'displayName']} label="姓名" rules={NAME_RULES}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name={[prefix, 'password']} label="密码" rules={NEW_PASSWORD_RULES}>
          <Input.Password autoComplete="new-password" placeholder={PASSWORD_HINT} />
        </Form.Item>
        <Form.Item name={[prefix, 'confirm']} label="确认密码" dependencies={[[prefix, 'password']]} rules={[{ required: true, message: '请再次输入密码' }, confirmRule([prefix, 'password'])]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </div>
    </>
  );
}

/** Key generation takes a few seconds; show that something is happening and what. */
function InitializingPanel() {
  const [percent, setPercent] = useState(5);
  useEffect(() => {
    const t = window.setInterval(() => setPercent((p) => (p < 90 ? p + 3 : p < 97 ? p + 0.5 : p)), 150);
    return () => window.clearInterval(t);
  }, []);
  return (
    <div style={{ textAlign: 'center', padding: '48px 24px', minHeight: 300 }} data-testid="setup-progress">
      <SafetyCertificateOutlined style={{ fontSize: 40, color: '#1f4e8c' }} />
      <Typography.Title level={4} style={{ marginTop: 16 }}>
        正在生成单位根证书和账户密钥…
      </Typography.Title>
      <Progress percent={Math.round(percent)} status="active" showInfo={false} style={{ maxWidth: 420, margin: '16px auto' }} />
      <Typography.Text type="secondary">需要数秒，请勿关闭程序</Typography.Text>
    </div>
  );
}
