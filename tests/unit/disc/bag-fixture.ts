/** A small fake archive with originals and an office CA, staged into a bag and written to an ISO. Shared by disc tests. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildDiscImage, stageBag, type BagItem, type DiscImageResult, type StagedBag } from '../../../main/disc';
import { makeOffice, type Office } from '../crypto/helpers';
import { bytes, sha256 } from './helpers';

export const ORIGINALS: Record<string, Buffer> = {
  '2026/11/27/REC01/20261127_083000_张三.MP4': bytes(3 * 1024 * 1024 + 77, 11),
  '2026/11/27/REC01/20261127_084500_张三.MP4': bytes(700 * 1024, 12),
  '2026/11/27/REC02/现场录音_李四.WAV': bytes(12345, 13),
  '2026/11/28/REC01/IMG_0001.JPG': bytes(2048, 14),
  '2026/11/28/REC01/empty.txt': Buffer.alloc(0),
};

export const LABEL = {
  discId: 'D2026-0007',
  caseNumber: '某综执〔2026〕12号',
  caseTitle: '占道经营案',
  discIndex: 1,
  discCount: 2,
  organization: '某某镇人民政府',
  unit: '综合行政执法大队',
};

export const CREATED_AT = new Date('2026-11-29T02:30:00Z');
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

export interface BagFixture {
  root: string;
  office: Office;
  items: BagItem[];
  bag: StagedBag;
  imagePath: string;
  image: DiscImageResult;
}

/** Writes the originals under root/archive/originals, stages the bag and writes root/disc.iso. */
export async function makeBagFixture(root: string, office?: Office, extra: Record<string, Buffer> = {}): Promise<BagFixture> {
  const off = office ?? (await makeOffice());
  const items: BagItem[] = [];
  for (const [target, content] of Object.entries({ ...ORIGINALS, ...extra })) {
    const diskPath = join(root, 'archive', 'originals', ...target.split('/'));
    await mkdir(dirname(diskPath), { recursive: true });
    await writeFile(diskPath, content);
    items.push({ diskPath, sha256: sha256(content), size: content.length, target });
  }
  const bag = await stageBag({
    stagingDir: join(root, 'archive', 'discs', LABEL.discId, 'staging'),
    items,
    recordForm: {
      docx: Buffer.from('PK fake docx for the test'),
      attachments: [{ name: 'record-form.officer.p7s', content: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]) }],
    },
    chainOfCustody: { items: items.map((i) => ({ target: i.target, sha256: i.sha256 })), entries: [{ seq: 1, action: 'ingest', actor: '王保管' }] },
    label: LABEL,
    signer: { certPem: off.userCertPem, privateKeyPem: off.userKeys.privateKeyPem },
    caCertPem: off.caCertPem,
    createdAt: CREATED_AT,
    timeZone: OFFICE_TIME_ZONE,
  });
  const imagePath = join(root, 'disc.iso');
  const image = await buildDiscImage(bag, imagePath);
  return { root, office: off, items, bag, imagePath, image };
}

/** Disc path → expected SHA-256 of every payload file, from the "store" (the fixture's own hashes). */
export function expectedFromStore(f: BagFixture): { path: string; sha256: string; size: number }[] {
  return f.bag.payload.map((p) => ({ path: p.discPath, sha256: p.sha256, size: p.size }));
}
