import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLinuxMounts, SourceRegistry, sourceId } from '../../../main/devices';
import { tempDir } from '../../support/services';

describe('removable volumes', () => {
  it('finds recorder-like mounts in /proc/mounts, with escaped spaces, and ignores system mounts', () => {
    // device, mount point (a space written \040 as the kernel does), file system; then the options and dump fields.
    const mounts: [string, string, string][] = [
      ['/dev/vda', '/', 'ext4'], ['proc', '/proc', 'proc'], ['/dev/sdb1', '/media/zhang/DSJ\\040A8', 'vfat'], ['/dev/sdc1', '/run/media/li/执法仪', 'exfat'],
      ['/dev/sdd1', '/data/usb', 'ntfs3'], ['/dev/vda2', '/boot/efi', 'vfat'], ['tmpfs', '/run', 'tmpfs'],
    ];
    const text = mounts.map((m) => `${m.join(' ')} rw,nosuid 0 0`).join('\n');
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
