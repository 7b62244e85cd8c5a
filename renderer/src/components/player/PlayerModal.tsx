import { Modal } from 'antd';
import { useCloseOnRouteChange } from '../../hooks/useCloseOnRouteChange';
import { usePlayerStore } from '../../stores/player';
import { PlayerView } from './PlayerView';
import { MulticamModal } from '../multicam/MulticamModal';

/** The player over the page that opened it (资料库, 案件); closes when the route changes. */
export function PlayerModal() {
  const { mediaId, close, changed } = usePlayerStore();

  useCloseOnRouteChange(mediaId !== null, close);

  return (
    <>
    <Modal
      title="播放"
      open={mediaId !== null}
      onCancel={close}
      footer={null}
      width="min(1360px, 96vw)"
      style={{ top: 24 }}
      destroyOnHidden
      // No zoom or fade: a first frame shown scaled and half transparent is not yet seen, and on a machine without a
      // GPU the animation's full-window compositing competes with the first frame's decode (issue 14 item 2).
      transitionName=""
      maskTransitionName=""
      keyboard
      data-testid="player"
    >
      {mediaId !== null && <PlayerView key={mediaId} mediaId={mediaId} onChanged={changed} />}
    </Modal>
    {/* 多机位同步, opened from the player (MulticamButton), over the same page. */}
    <MulticamModal />
    </>
  );
}
