import { FireOutlined, ReloadOutlined, SafetyCertificateOutlined, ToolOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Select, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DiscMediaType } from '../../../main/api/dto';
import { BurnConfirmModal } from '../components/discs/BurnConfirmModal';
import { DiscPlanView } from '../components/discs/DiscPlanView';
import { DiscRegister } from '../components/discs/DiscRegister';
import { ReadbackView } from '../components/discs/ReadbackView';
import { STEP_LABELS, useDiscProgress } from '../components/discs/useDiscProgress';
import { FormStateTag } from '../components/forms/FormStateTag';
import { PageHeader } from '../components/PageHeader';
import { formatBytes } from '../format';
import { DISC_MEDIA_LABELS, DISC_MEDIA_TYPES } from '../labels';
import { navigate } from '../router';
import { useCan } from '../hooks/useCan';
import { useSubmit } from '../hooks/useSubmit';
import { useDiscsStore } from '../stores/discs';

const MEDIA_OPTIONS = DISC_MEDIA_TYPES.map((value) => ({ value, label: DISC_MEDIA_LABELS[value] }));

type Busy = 'build' | 'burn' | 'readback';

/** 刻盘: plan a case's discs, build the image with the signed record form, burn it and read it back. */
export function DiscsPage() {
  const { message } = App.useApp();
  const canBuild = useCan('discs.build');
  const canBurn = useCan('discs.burn');
  const s = useDiscsStore();
  const { caseId, disc, formId, plan, load, loadRegister, loadDrives } = s;
  // A refusal stays on screen (an Alert, not a toast): it says which recordings and who must ask whom.
  const { doing: busy, setDoing, run, report, error, setError } = useSubmit<Busy>();
  const [progress, setProgress] = useDiscProgress(caseId);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    load().catch(report);
  }, [load, report]);

  useEffect(() => {
    if (canBurn) loadDrives().catch(report);
  }, [canBurn, loadDrives, report]);

  /** One step of the workflow: its progress shown while it runs, the register refreshed after. */
  const step = (what: Busy, fn: () => Promise<void>) =>
    run(async () => {
      setProgress(null);
      try {
        await fn();
      } finally {
        setProgress(null);
        loadRegister().catch(report);
      }
    }, what);

  const build = () =>
    step('build', async () => {
      const built = await s.build();
      if (built.length) void message.success(`已制作光盘映像 ${built.map((d) => d.id).join('、')}`);
    });

  const burn = () =>
    step('burn', async () => {
      await s.burn();
      setDoing('readback');
      // Read back at once: a disc is only good once every file matches the hash stored at ingest.
      await s.readBack();
      loadDrives().catch(report);
    });

  const readBack = () => step('readback', () => s.readBack());

  const selectedCase = s.cases.find((c) => c.id === caseId) ?? null;
  const current = disc?.readbackOk ? 4 : disc?.burnedAt ? 3 : disc ? 2 : formId !== null ? 1 : 0;

  return (
    <>
      <PageHeader
        title="刻盘"
        description="为案件制作证据光盘：光盘内含原始文件、签名的 SHA-256 清单、记录表和离线校验页面，刻录后逐个文件回读核验。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void loadRegister().catch(report)}>
            刷新
          </Button>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Steps
            size="small"
            current={current}
            status={disc?.readbackOk ? 'finish' : disc?.readbackOk === false ? 'error' : 'process'}
            items={[{ title: '选择案件与光盘' }, { title: '选择已签名记录表' }, { title: '制作映像' }, { title: '刻录' }, { title: '回读核验' }]}
          />
        </Card>

        {error && (
          <Alert type="error" showIcon closable title="操作未完成" description={error} onClose={() => setError(null)} data-testid="disc-error" />
        )}

        <Card title="1. 案件与光盘规划">
          <Space wrap size={12} style={{ marginBottom: 16 }}>
            <Select
              style={{ width: 420 }}
              placeholder="选择案件"
              showSearch
              optionFilterProp="label"
              value={caseId ?? undefined}
              onChange={(v: number) => void s.chooseCase(v).catch(report)}
              options={s.cases.map((c) => ({ value: c.id, label: `${c.number} ${c.title}（${c.itemCount} 个文件）` }))}
              data-testid="disc-case"
            />
            <Select style={{ width: 220 }} value={s.mediaType} onChange={(v: DiscMediaType) => void s.setMediaType(v)} options={MEDIA_OPTIONS} data-testid="disc-media" />
          </Space>
          {s.planError && <Alert type="error" showIcon message={s.planError} />}
          {plan && <DiscPlanView plan={plan} />}
          {!selectedCase && <Typography.Text type="secondary">选择一个案件，系统按所选光盘容量规划需要几张光盘。</Typography.Text>}
        </Card>

        {caseId !== null && (
          <Card title="2. 记录表">
            {s.forms.length === 0 ? (
              <Alert
                type="warning"
                showIcon
                message="此案件还没有经执法人员和大队负责人签名的记录表"
                action={
                  <Button size="small" onClick={() => navigate('forms')}>
                    去填写记录表
                  </Button>
                }
              />
            ) : (
              <Select
                style={{ width: 420 }}
                value={formId ?? undefined}
                onChange={s.setFormId}
                placeholder="选择记录表"
                data-testid="disc-form"
                options={s.forms.map((f) => ({
                  value: f.id,
                  disabled: f.state === 'locked',
                  label: (
                    <Space>
                      <span>记录表 {f.discNo}</span>
                      <FormStateTag state={f.state} />
                      <span style={{ color: '#8a94a6' }}>
                        {f.officerSignedBy} / {f.chiefSignedBy}
                      </span>
                    </Space>
                  ),
                }))}
              />
            )}
          </Card>
        )}

        {caseId !== null && (
          <Card title="3. 制作、刻录与核验">
            {!canBuild && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="证据光盘由保管员制作和刻录；您可以在下方光盘登记中查看结果。" />}
            {canBuild && (
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <Space wrap>
                  <Button type="primary" icon={<ToolOutlined />} disabled={formId === null || !plan || busy !== null || disc !== null} loading={busy === 'build'} onClick={() => void build()} data-testid="build-disc">
                    制作光盘映像
                  </Button>
                  {disc && (
                    <Typography.Text>
                      光盘 <strong>{disc.id}</strong>（第 {disc.discIndex} 张 / 共 {disc.discCount} 张），映像 {formatBytes(disc.imageBytes)}，{disc.files.length} 个文件
                    </Typography.Text>
                  )}
                </Space>
                {disc && (
                  <Space wrap>
                    <Select
                      style={{ width: 420 }}
                      placeholder={s.drives.length ? '选择刻录机' : '未发现刻录机'}
                      value={s.driveId ?? undefined}
                      onChange={s.setDriveId}
                      options={s.drives.map((d) => ({ value: d.id, label: d.label }))}
                      data-testid="disc-drive"
                    />
                    <Button icon={<ReloadOutlined />} onClick={() => void loadDrives().catch(report)}>
                      刷新刻录机
                    </Button>
                    <Button type="primary" danger icon={<FireOutlined />} disabled={!s.driveId || !canBurn || busy !== null} loading={busy === 'burn'} onClick={() => setConfirming(true)} data-testid="burn-disc">
                      {disc.burnedAt ? '再刻录一张并核验' : '刻录并核验'}
                    </Button>
                    {disc.burnedAt && (
                      <Button icon={<SafetyCertificateOutlined />} disabled={busy !== null} loading={busy === 'readback'} onClick={() => void readBack()}>
                        重新回读核验
                      </Button>
                    )}
                  </Space>
                )}
                {busy && (
                  <div data-testid="disc-progress">
                    <Typography.Text>{progress ? `${STEP_LABELS[progress.step]}${progress.current ? `：${progress.current}` : ''}` : busy === 'build' ? '正在准备…' : busy === 'burn' ? '正在刻录…' : '正在回读…'}</Typography.Text>
                    <Progress percent={progress?.percent ?? 0} status="active" />
                  </div>
                )}
                {disc?.readback && <ReadbackView readback={disc.readback} />}
              </Space>
            )}
          </Card>
        )}

        {disc && (
          <BurnConfirmModal
            open={confirming}
            disc={disc}
            driveLabel={s.drives.find((d) => d.id === s.driveId)?.label ?? '—'}
            onCancel={() => setConfirming(false)}
            onOk={() => {
              setConfirming(false);
              void burn();
            }}
          />
        )}

        <Card title="光盘登记">
          <DiscRegister
            discs={s.register}
            onSelect={(d) => void s.openDisc(d.id).catch(report)}
          />
        </Card>
      </Space>
    </>
  );
}
