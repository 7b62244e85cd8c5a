import { AppError } from '../common';
import { overlaps } from '../devices';

/** Who asks for a folder: an ingest source or a backup target. */
export type FolderUse = '导入来源' | '备份位置';

/** The archive and anything inside it (or a folder holding it) is never a source or a backup target. */
export function isArchiveFolder(dir: string, archiveRoot: string): boolean {
  return overlaps(dir, archiveRoot);
}

export function refuseArchive(dir: string, archiveRoot: string, use: FolderUse): void {
  if (isArchiveFolder(dir, archiveRoot)) {
    throw new AppError('FOLDER_IS_ARCHIVE', `所选文件夹是证据档案库本身、位于档案库内或包含档案库，不能作为${use}。请选择记录仪、移动硬盘或其他文件夹。`, `folder overlaps the archive: ${dir}`);
  }
}
