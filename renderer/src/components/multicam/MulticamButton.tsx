import { AppstoreOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { usePlayerStore } from '../../stores/player';
import { useMulticamStore } from '../../stores/multicam';

/** From a recording in the player: 多机位同步 with the cameras that recorded at the same time. */
export function MulticamButton(props: { recordingId: number }) {
  const open = useMulticamStore((s) => s.open);
  const closePlayer = usePlayerStore((s) => s.close);
  return (
    <Tooltip title="与同一时段其他记录仪的录像并排同步播放">
      <Button
        icon={<AppstoreOutlined />}
        onClick={() => {
          closePlayer();
          open(props.recordingId);
        }}
        data-testid="open-multicam"
      >
        多机位同步
      </Button>
    </Tooltip>
  );
}
