import { Card } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PublicCopyDto, PublicSourceDto } from '../../../main/public-copy';
import { api } from '../api';
import { ListHeader } from '../components/ListHeader';
import { PageHeader } from '../components/PageHeader';
import { CopiesList } from '../components/public-copy/CopiesList';
import { MaskEditor } from '../components/public-copy/MaskEditor';
import { useSubmit } from '../hooks/useSubmit';

/**
 * 公开副本 (rules art. 3, 13): public-use copies with faces and plates masked, made only under an approved 公开使用
 * request and never of classified footage; listed on their own, each with its signed provenance; handing one out is
 * recorded.
 */
export function PublicCopiesPage() {
  const [sources, setSources] = useState<PublicSourceDto[] | null>(null);
  const [copies, setCopies] = useState<PublicCopyDto[]>([]);
  const [nonce, setNonce] = useState(0);
  const { report, error } = useSubmit();
  const refresh = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    api.publicCopies.sources().then((s) => live && setSources(s), report);
    api.publicCopies.list().then((c) => live && setCopies(c), report);
    return () => {
      live = false;
    };
  }, [nonce, report]);

  return (
    <div>
      <PageHeader
        title="公开使用副本"
        description="经大队负责人批准公开使用（第十三条）的资料，遮挡人脸、车牌等个人信息后制作副本；涉密资料（个人隐私、商业秘密、国家秘密）一律不得制作（第三条）。副本不是原始资料，不作证据，不刻入证据光盘。"
      />
      <Card title="制作副本" style={{ marginBottom: 16 }}>
        {sources && <MaskEditor sources={sources} onMade={refresh} />}
      </Card>
      <Card title="副本清单">
        <ListHeader intro="每份副本附有签名的来源记录（原始文件与副本的 SHA-256、批准、全部处理操作与命令）。交付即复制到指定文件夹，或刻录为“公开使用副本光盘”（不是证据光盘），并登记。" onRefresh={refresh} error={error} />
        <CopiesList copies={copies} onChanged={refresh} />
      </Card>
    </div>
  );
}
