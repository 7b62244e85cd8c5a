import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import type { IngestSessionDto, OfficerDto } from '../../../../main/api/dto';
import { useIngestStore } from '../../stores/ingest';
import { ListHeader } from '../ListHeader';
import { SessionResultView, StatusTag } from './SessionResultView';
import { formatTime } from '../../time';

/** 导入记录: every ingest session (the daily handover register, rules art. 8). */
export function SessionsTab() {
  const { sessions, sessionsLoading, sessionsError, sessionsHasMore, detail, detailLoading, loadSessions, openSession, closeSession } = useIngestStore();

  useEffect(() => {
    void loadSessions();
  }, [loadSessions]);

  const columns: ColumnsType<IngestSessionDto> = [
    { title: '时间', dataIndex: 'startedAt', width: 160, render: (t: string) => formatTime(t) },
    { title: '移交人', dataIndex: 'handedOverBy', width: 140, render: (o: OfficerDto | null) => (o ? `${o.name}（${o.badgeNo}）` : '—') },
    { title: '接收人', dataIndex: 'receivedBy', width: 110 },
    { title: '记录仪', dataIndex: 'recorderSerial', width: 130, render: (s: string | null) => (s ? <span className="ew-mono">{s}</span> : '—') },
    { title: '来源', dataIndex: 'sourceLabel', ellipsis: true },
    {
      title: '入库 / 重复 / 失败',
      key: 'counts',
      width: 150,
      render: (_v, s) => (
        <span>
          {s.filesStored} / {s.filesDuplicate} / <span style={{ color: s.filesFailed ? '#cf1322' : undefined }}>{s.filesFailed}</span>
        </span>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (_v, s) => <StatusTag status={s.status} /> },
    // The row opens the session; the button only shows it can be clicked (its click is the row's).
    { title: '', key: 'open', width: 70, render: () => <Button type="link" size="small">查看</Button> },
  ];

  if (detail) {
    return (
      <SessionResultView
        detail={detail}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={closeSession}>
            返回列表
          </Button>
        }
      />
    );
  }

  return (
    <div>
      <ListHeader intro="每次导入即一次移交登记：谁移交、谁接收、哪台记录仪、哪些文件。点击一行查看详情并生成交接登记表。" onRefresh={() => void loadSessions()} error={sessionsError} />
      <Spin spinning={detailLoading}>
        <Table<IngestSessionDto>
          rowKey="id"
          size="middle"
          loading={sessionsLoading}
          columns={columns}
          dataSource={sessions}
          data-testid="sessions-table"
          pagination={false}
          locale={{ emptyText: '还没有导入记录' }}
          onRow={(s) => ({ onClick: () => void openSession(s.id), style: { cursor: 'pointer' } })}
        />
      </Spin>
      {sessionsHasMore && (
        <Space style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">只显示最近 50 次导入。</Typography.Text>
        </Space>
      )}
    </div>
  );
}
