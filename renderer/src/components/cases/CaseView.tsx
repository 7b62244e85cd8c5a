import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { EditCaseModal } from './EditCaseModal';
import type { CaseItemDto } from '../../../../main/api/dto';
import { api } from '../../api';
import { errorMessage, isHandledGlobally } from '../../errors';
import { formatBytes, formatDuration } from '../../format';
import { CASE_STATUS_LABELS, CLASSIFICATION_LABELS, MEDIA_KIND_LABELS } from '../../labels';
import { navigate } from '../../router';
import { useCasesStore } from '../../stores/cases';
import { usePlayerStore } from '../../stores/player';
import { formatTime } from '../../time';
import { useCan } from '../../hooks/useCan';
import { RequestAccessButton } from '../access';
import { MulticamLink } from '../multicam/MulticamLink';

/** One case: what it is and its evidence list (证据清单), each item playable; items can be taken out. */
export function CaseView(props: { caseId: number }) {
  const canRemove = useCan('cases.removeItem');
  const canEdit = useCan('cases.update');
  const [editing, setEditing] = useState(false);
  const { message } = App.useApp();
  const { detail, detailError, loadDetail, setDetail } = useCasesStore();
  const open = usePlayerStore((s) => s.open);
  const revision = usePlayerStore((s) => s.revision);

  useEffect(() => {
    void loadDetail(props.caseId);
  }, [props.caseId, loadDetail, revision]);

  const c = detail?.id === props.caseId ? detail : null;

  const remove = async (item: CaseItemDto) => {
    try {
      setDetail(await api.cases.removeItem({ caseId: props.caseId, mediaId: item.mediaId }));
      message.success(`已将 ${item.originalName} 移出案件`);
    } catch (e) {
      if (!isHandledGlobally(e)) message.error(errorMessage(e));
    }
  };

  const columns: ColumnsType<CaseItemDto> = [
    { title: '录制时间', dataIndex: 'startAt', width: 156, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm:ss') },
    { title: '类型', dataIndex: 'kind', width: 56, render: (v: CaseItemDto['kind']) => MEDIA_KIND_LABELS[v] },
    { title: '时长', dataIndex: 'durationSec', width: 80, render: (v: number | null) => formatDuration(v) },
    { title: '执法人员', key: 'officer', width: 110, ellipsis: true, render: (_v, r) => (r.officer ? `${r.officer.name}（${r.officer.badgeNo}）` : '—') },
    { title: '记录仪', dataIndex: 'recorderSerial', width: 100, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '文件名', dataIndex: 'originalName', ellipsis: true, render: (v: string) => <span className="ew-mono" style={{ fontSize: 12 }}>{v}</span> },
    { title: 'SHA-256', dataIndex: 'sha256', width: 116, render: (v: string) => <span className="ew-mono" style={{ fontSize: 12 }} title={v}>{v.slice(0, 10)}…</span> },
    { title: '大小', dataIndex: 'size', width: 84, render: (v: number) => formatBytes(v) },
    { title: '加入', key: 'added', width: 132, ellipsis: true, render: (_v, r) => `${r.addedBy} ${formatTime(r.addedAt, 'MM-DD HH:mm')}` },
    {
      title: '操作',
      key: 'ops',
      width: 164,
      fixed: 'right',
      render: (_v, r) => (
        <Space size={0}>
          <Button size="small" type="link" icon={<PlayCircleOutlined />} onClick={() => open(r.mediaId)}>
            播放
          </Button>
          {r.kind === 'video' && r.recordingId !== null && <MulticamLink recordingId={r.recordingId} name={r.originalName} iconOnly />}
          {canRemove && (
            <Popconfirm title="移出案件？" description="只移出证据清单，原始文件不受影响。" okText="移出" cancelText="取消" onConfirm={() => void remove(r)}>
              <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={`移出 ${r.originalName}`}>
                移出
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0, marginBottom: 8 }} onClick={() => navigate('cases')}>
        返回案件列表
      </Button>
      {detailError && <Alert type="error" showIcon title={detailError} />}
      {c && (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {c.number} {c.title}
            </Typography.Title>
            <Space>
              {/* Its footage is refused until a request over the case is approved: ask for it here. */}
              {c.itemCount > 0 && <RequestAccessButton scope={{ kind: 'case', id: c.id, label: `${c.number} ${c.title}（${c.itemCount} 项证据）` }} />}
              {canEdit && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-case">
                  编辑案件
                </Button>
              )}
            </Space>
          </div>
          {editing && (
            <EditCaseModal
              case={c}
              onClose={() => setEditing(false)}
              onSaved={(saved) => {
                setDetail(saved);
                setEditing(false);
              }}
            />
          )}
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small" data-testid="case-summary">
              <Descriptions.Item label="承办人">{c.handler ? `${c.handler.name}（${c.handler.badgeNo}）` : '—'}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color={c.status === 'open' ? 'processing' : 'default'}>{CASE_STATUS_LABELS[c.status]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="密级">{CLASSIFICATION_LABELS[c.classification]}</Descriptions.Item>
              <Descriptions.Item label="证据">{c.itemCount} 项</Descriptions.Item>
              <Descriptions.Item label="总时长">{formatDuration(c.totalDurationSec)}</Descriptions.Item>
              <Descriptions.Item label="总大小">{formatBytes(c.totalSize)}</Descriptions.Item>
              <Descriptions.Item label="登记">
                {c.createdBy} {formatTime(c.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label="案情简述" span={2}>
                {c.description || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="证据清单" extra={<Typography.Text type="secondary">在“资料库”中选择资料或整段录制，点“加入案件”。案件中的资料随案件保存。</Typography.Text>}>
            <Table<CaseItemDto> rowKey="mediaId" size="small" columns={columns} dataSource={c.items} pagination={false} scroll={{ x: 1120 }} tableLayout="fixed" data-testid="case-items" locale={{ emptyText: '暂无证据' }} />
          </Card>
        </>
      )}
    </div>
  );
}
