import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLinuxMounts, SourceRegistry, sourceId } from '../../../main/devices';
import { tempDir } from '../../support/services';

describe('removable volumes', () => {
  it('finds recorder-like mounts in /proc/mounts, with escaped spaces, and ignores system mounts', () => {
    const text = [
      '/dev/vda / ext4 rw,relatime 0 0',
      'proc /proc proc rw 0 0',
      '/dev/sdb1 /media/zhang/DSJ\\040A8 vfat rw,nosuid 0 0',
      '/dev/sdc1 /run/media/li/执法仪 exfat rw 0 0',
      '/dev/sdd1 /data/usb ntfs3 rw 0 0',
      '/dev/vda2 /boot/efi vfat rw 0 0',
      'tmpfs /run tmpfs rw 0 0',
    ].join('\n');
    expect(parseLinuxMounts(text)).toEqual(['/media/zhang/DSJ A8', '/run/media/li/执法仪', '/data/usb']);
  });

  it('lists volumes, configured folders and picked folders once each, only while they exist', () => {
    const a = tempDir();
    const b = path.join(tempDir(), 'picked');
    mkdirSync(b);
    const gone = path.join(tempDir(), 'unplugged');
    const reg = new SourceRegistry([a, gone], () => [{ id: sourceId(a), label: 'A', path: a, kind: 'volume' }]);
    reg.addFolder(b);
    const list = reg.list();
    expect(list.map((s) => s.path)).toEqual([a, b]);
    expect(list[0]?.kind).toBe('volume');
    expect(reg.get(sourceId(b))?.path).toBe(b);
    expect(reg.get('0000000000000000')).toBeNull();
  });
});
