import { Modal } from 'antd';
import { useCloseOnRouteChange } from '../../hooks/useCloseOnRouteChange';
import { useMulticamStore } from '../../stores/multicam';
import { MulticamView } from './MulticamView';

/** 多机位同步 over the page that opened it (资料库, 案件, through the player); closes when the route changes. */
export function MulticamModal() {
  const { recordingId, close } = useMulticamStore();

  useCloseOnRouteChange(recordingId !== null, close);

  return (
    <Modal title="多机位同步" open={recordingId !== null} onCancel={close} footer={null} width="min(1600px, 98vw)" style={{ top: 16 }} destroyOnHidden data-testid="multicam">
      {recordingId !== null && <MulticamView key={recordingId} recordingId={recordingId} />}
    </Modal>
  );
}
