import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MediaKind, ScanDto } from '../../../../main/api/dto';
import { formatBytes } from '../../format';
import { MEDIA_KIND_LABELS, MEDIA_KINDS } from '../../labels';
import { useIngestStore } from '../../stores/ingest';
import { AttributionForm } from './AttributionForm';
import { formatTime } from '../../time';
import { useCan } from '../../hooks/useCan';

type ScanFile = ScanDto['files'][number];

/** Before it is kept, a file that is not picture or sound is 其他; kept, it becomes a 文档. */
const scanKindLabel = (k: MediaKind): string => (k === 'other' ? '其他' : MEDIA_KIND_LABELS[k]);

const columns: ColumnsType<ScanFile> = [
  { title: '文件', dataIndex: 'relPath', render: (p: string) => <span className="ew-mono">{p}</span> },
  { title: '类型', dataIndex: 'kind', width: 80, render: (k: MediaKind) => scanKindLabel(k) },
  { title: '大小', dataIndex: 'size', width: 110, align: 'right', render: (n: number) => formatBytes(n) },
  { title: '文件时间', dataIndex: 'mtime', width: 170, render: (t: string) => formatTime(t, 'YYYY-MM-DD HH:mm:ss') },
  {
    title: '状态',
    dataIndex: 'alreadyIn',
    width: 100,
    render: (v: boolean) => (v ? <Tag color="blue">已导入</Tag> : <Tag>新文件</Tag>),
  },
];

/** A scanned source: what is on it, whether it fits, who it belongs to, and the start form. */
export function ScanView() {
  const { scan, scanning, scanError, sources, sourceId, backToSources, rescan } = useIngestStore();
  const isCustodian = useCan('ingest.start');
  const source = sources.find((s) => s.id === sourceId);

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16, marginBottom: 16 }}>
        <Space size={12}>
          <Button icon={<ArrowLeftOutlined />} onClick={backToSources}>
            返回来源列表
          </Button>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {scan?.sourceLabel ?? source?.label ?? ''}
          </Typography.Text>
          {source && (
            <Typography.Text type="secondary" className="ew-mono" style={{ fontSize: 12 }}>
              {source.path}
            </Typography.Text>
          )}
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void rescan()} disabled={scanning}>
          重新扫描
        </Button>
      </div>
      {scanning && (
        <div style={{ padding: 56, textAlign: 'center' }} data-testid="scanning">
          <Spin size="large" />
          <div style={{ marginTop: 14, color: '#5b6475' }}>正在扫描文件…</div>
        </div>
      )}
      {scanError && <Alert type="error" showIcon title="扫描失败" description={scanError} />}
      {scan && !scanning && <ScanSummary scan={scan} isCustodian={isCustodian} />}
    </div>
  );
}

function ScanSummary(props: { scan: ScanDto; isCustodian: boolean }) {
  const { scan } = props;
  const counts = MEDIA_KINDS.map((k) => ({ k, n: scan.files.filter((f) => f.kind === k).length })).filter((c) => c.n > 0);
  const { keepOther, setKeepOther } = useIngestStore();
  const media = scan.files.filter((f) => f.kind !== 'other');
  const already = scan.files.filter((f) => f.alreadyIn).length;

  return (
    <div data-testid="scan-summary">
      <Card title="扫描结果" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'vol', label: '来源类型', children: scan.recorderVolume ? <Tag color="blue">执法记录仪存储</Tag> : <Tag>普通文件夹</Tag> },
            {
              key: 'serial',
              label: '记录仪编号',
              children: scan.recorderSerial ? <span className="ew-mono" data-testid="scan-serial">{scan.recorderSerial}</span> : <Typography.Text type="secondary">未能读取</Typography.Text>,
            },
            {
              key: 'badge',
              label: '警号',
              children: scan.badgeNo ? <span className="ew-mono" data-testid="scan-badge">{scan.badgeNo}</span> : <Typography.Text type="secondary">未能读取</Typography.Text>,
            },
            {
              key: 'files',
              label: '文件',
              children: (
                <span data-testid="scan-counts">
                  共 {scan.files.length} 个{counts.length > 0 && `（${counts.map((c) => `${scanKindLabel(c.k)} ${c.n}`).join('，')}）`}
                  {already > 0 && <Tag color="blue" style={{ marginInlineStart: 8 }}>其中 {already} 个已导入</Tag>}
                </span>
              ),
            },
            {
              key: 'size',
              label: '总大小 / 可用空间',
              children: (
                <span>
                  {formatBytes(scan.totalBytes)} / {formatBytes(scan.freeBytes)}
                  {scan.fits ? <Tag color="green" style={{ marginInlineStart: 8 }}>空间充足</Tag> : <Tag color="red" style={{ marginInlineStart: 8 }}>空间不足</Tag>}
                </span>
              ),
            },
            {
              key: 'info',
              label: '记录仪信息文件',
              children: scan.infoFile ? (
                <span data-testid="scan-info-file">
                  <span className="ew-mono">{scan.infoFile}</span>
                  <Typography.Text type="secondary">（已读取编号和警号，随本次交接记录保存，不作为录像）</Typography.Text>
                </span>
              ) : (
                <Typography.Text type="secondary">无</Typography.Text>
              ),
            },
            {
              key: 'skipped',
              label: '跳过 / 读取问题',
              children: (
                <span>
                  跳过系统文件 {scan.skipped} 个；读取问题 {scan.problems.length > 0 ? <Typography.Text type="danger">{scan.problems.length} 个</Typography.Text> : '0 个'}
                </span>
              ),
            },
          ]}
        />
        {media.length === 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="nothing-to-ingest"
            title="该来源中没有音视频或照片文件可导入"
            description="请确认选择的是执法记录仪或存放录像的文件夹。下面列出的其他文件只有勾选保留时才会作为文档保存。"
          />
        )}
        {!scan.fits && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title="档案库所在磁盘空间不足，不能导入"
            description={`需要 ${formatBytes(scan.totalBytes)}，可用 ${formatBytes(scan.freeBytes)}（另需保留 64 MB 余量）。请清理磁盘或更换更大的档案库磁盘后再导入。`}
          />
        )}
        {scan.problems.length > 0 && (
          <Collapse
            size="small"
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'p',
                label: `${scan.problems.length} 个文件或文件夹无法读取`,
                children: (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {scan.problems.map((p) => (
                      <li key={p.relPath}>
                        <span className="ew-mono">{p.relPath}</span>：{p.message}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </Card>

      <Card title="移交信息" style={{ marginBottom: 16 }}>
        {props.isCustodian ? (
          <AttributionForm scan={scan} />
        ) : (
          <Alert type="info" showIcon title="只有保管员可以开始导入。您可以查看扫描结果。" />
        )}
      </Card>

      <Card title={`文件清单（${scan.files.length}）`}>
        <Table<ScanFile>
          rowKey="relPath"
          size="small"
          columns={columns}
          dataSource={scan.files}
          rowSelection={{
            // Media is always taken; 其他 only when ticked (kept as 文档, no player).
            selectedRowKeys: [...media.map((f) => f.relPath), ...keepOther],
            getCheckboxProps: (f) => ({ disabled: f.kind !== 'other', 'aria-label': `保留 ${f.relPath}` }),
            onChange: (keys) => setKeepOther(scan.files.filter((f) => f.kind === 'other' && keys.includes(f.relPath)).map((f) => f.relPath)),
            columnTitle: '导入',
          }}
          data-testid="scan-files"
          pagination={scan.files.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      </Card>
    </div>
  );
}
