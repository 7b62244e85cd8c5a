import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../main/common';
import { isArchiveFolder, refuseArchive } from '../../../main/ingest';

describe('the archive folder is never a source or a backup target', () => {
  const root = path.resolve('/srv/evidence');

  it.each([
    [root, true],
    [path.join(root, 'originals', '2026'), true],
    [path.dirname(root), true],
    [path.resolve('/srv/evidence-backup'), false],
    [path.resolve('/media/DSJ-A8'), false],
  ])('%s overlaps the archive: %s', (dir, overlapping) => {
    expect(isArchiveFolder(dir, root)).toBe(overlapping);
  });

  it('refuses with FOLDER_IS_ARCHIVE, naming the use in Chinese', () => {
    let error: unknown;
    try {
      refuseArchive(path.join(root, 'seals'), root, '备份位置');
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('FOLDER_IS_ARCHIVE');
    expect(isAppError(error) && error.userMessage).toContain('不能作为备份位置');
    expect(() => refuseArchive(path.resolve('/media/DSJ-A8'), root, '导入来源')).not.toThrow();
  });
});
