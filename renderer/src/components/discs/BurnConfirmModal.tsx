import { Checkbox, Descriptions, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { DiscDto } from '../../../../main/api/dto';
import { formatBytes } from '../../format';
import { DISC_MEDIA_LABELS } from '../../labels';

/** Before 刻录并核验: what is burned on which drive, and a blank disc in it; nothing starts until both are confirmed. */
export function BurnConfirmModal(props: { open: boolean; disc: DiscDto; driveLabel: string; onOk: () => void; onCancel: () => void }) {
  const [blank, setBlank] = useState(false);
  const { disc } = props;
  return (
    <Modal
      open={props.open}
      title="确认刻录"
      okText="开始刻录"
      okButtonProps={{ danger: true, disabled: !blank, 'data-testid': 'burn-confirm-ok' }}
      cancelText="取消"
      onOk={props.onOk}
      onCancel={props.onCancel}
      afterOpenChange={(open) => !open && setBlank(false)}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="光盘编号">
          {disc.id}（第 {disc.discIndex} 张 / 共 {disc.discCount} 张）
        </Descriptions.Item>
        <Descriptions.Item label="光盘类型">{DISC_MEDIA_LABELS[disc.mediaType]}</Descriptions.Item>
        <Descriptions.Item label="映像大小">{formatBytes(disc.imageBytes)}</Descriptions.Item>
        <Descriptions.Item label="刻录机">{props.driveLabel}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">刻录不能撤销，写过的光盘不能再用；刻录完成后立即逐个文件回读核验，请勿取出光盘。</Typography.Paragraph>
      <Checkbox checked={blank} onChange={(e) => setBlank(e.target.checked)} data-testid="burn-blank-check">
        刻录机中已放入一张未使用过的空白光盘
      </Checkbox>
    </Modal>
  );
}
