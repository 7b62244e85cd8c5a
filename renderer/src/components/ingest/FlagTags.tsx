import { Space, Tag, Tooltip } from 'antd';
import type { IngestItemDto, MediaFlag } from '../../../../main/api/dto';
import { MEDIA_FLAG_COLORS, MEDIA_FLAG_HINTS, MEDIA_FLAG_LABELS } from '../../labels';

/** The flags of one file as coloured Chinese tags, each with its meaning on hover. */
export function FlagTags(props: { flags: readonly MediaFlag[] }) {
  if (props.flags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {props.flags.map((f) => (
        <Tooltip key={f} title={MEDIA_FLAG_HINTS[f]}>
          <Tag color={MEDIA_FLAG_COLORS[f]} style={{ marginInlineEnd: 0 }}>
            {MEDIA_FLAG_LABELS[f]}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** What became of one file at ingest: stored (with its flags), a duplicate, or failed with the reason. */
export function OutcomeTags(props: { item: Pick<IngestItemDto, 'outcome' | 'message' | 'flags'> }) {
  const { item } = props;
  return (
    <Space size={[4, 4]} wrap>
      {item.outcome === 'stored' && item.flags.length === 0 && (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          已入库
        </Tag>
      )}
      {item.outcome === 'duplicate' && (
        <Tooltip title={item.message ?? '档案库中已有内容完全相同的文件（SHA-256 一致），未重复保存'}>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            重复
          </Tag>
        </Tooltip>
      )}
      {item.outcome === 'failed' && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          失败
        </Tag>
      )}
      <FlagTags flags={item.flags} />
      {item.outcome === 'failed' && item.message && <span style={{ color: '#cf1322', fontSize: 13 }}>{item.message}</span>}
    </Space>
  );
}
