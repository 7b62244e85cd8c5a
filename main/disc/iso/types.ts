export interface IsoSource {
  /** Path inside the image, posix '/', e.g. 'data/originals/2026/11/27/REC01/张三_录像.MP4'. */
  imagePath: string;
  /** Absolute file path on disk. */
  diskPath: string;
}

export interface IsoOptions {
  /** ISO 9660 volume identifier: d-characters (A-Z 0-9 _), 1–32 long. */
  volumeId: string;
  /** Joliet volume identifier, up to 16 UCS-2 characters; defaults to volumeId. */
  jolietVolumeId?: string;
  /** Every date in the image; the same inputs and timestamp give the same bytes. */
  timestamp: Date;
  publisher?: string;
  application?: string;
}

export interface IsoProgress {
  bytesWritten: number;
  totalBytes: number;
  currentFile?: string;
}

export interface IsoFileHash {
  imagePath: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes written into the image. */
  sha256: string;
}

export interface IsoResult {
  totalBytes: number;
  files: IsoFileHash[];
}

/** One contiguous run of sectors holding (part of) a file. */
export interface IsoExtent {
  /** Logical block (2048-byte sector) number. */
  lba: number;
  size: number;
}

export interface IsoPlannedFile {
  imagePath: string;
  diskPath: string;
  size: number;
  /** Name in the ISO 9660 (primary) tree, e.g. '/DATA/ORIGINAL/_____.MP4;1'. */
  isoPath: string;
  /** Name in the Joliet tree (what Windows and most readers show). */
  jolietPath: string;
  /** More than one when the file is over 4 GiB − 1 (multi-extent). */
  extents: IsoExtent[];
}

/** What an image will hold and how big it is, before any byte is written. */
export interface IsoPlan {
  totalBytes: number;
  totalSectors: number;
  directoryCount: number;
  /** Files in the order their data is written. */
  files: IsoPlannedFile[];
}
