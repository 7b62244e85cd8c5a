import { AppstoreOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMulticamStore } from '../../stores/multicam';

/**
 * 多机位同步 from a row's actions (资料库, 按录制分组, a case's 证据清单): opens the dialog for the row's recording over
 * the page, as the player's button does. Each camera's bytes are still checked by the media route.
 */
export function MulticamLink(props: { recordingId: number; name: string; /** Icon only, where the row is narrow (a case's 证据清单). */ iconOnly?: boolean }) {
  const open = useMulticamStore((s) => s.open);
  return (
    <Button
      size="small"
      type="link"
      icon={<AppstoreOutlined />}
      aria-label={`多机位同步 ${props.name}`}
      title="与同一时段其他记录仪的录像并排同步播放"
      data-testid="row-multicam"
      onClick={(e) => {
        e.stopPropagation();
        open(props.recordingId);
      }}
    >
      {props.iconOnly ? null : '多机位同步'}
    </Button>
  );
}
