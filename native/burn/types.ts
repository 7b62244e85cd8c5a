/** OS disc burners behind one interface (DESIGN.md §7): Linux xorriso, macOS hdiutil, Windows IMAPI2. */

export interface Drive {
  /** What the burner needs to address it: '/dev/sr0', an IOService path, an IMAPI2 recorder id, 'stdio:/path'. */
  id: string;
  vendor: string;
  product: string;
}

export interface MediaInfo {
  present: boolean;
  blank: boolean;
  /** e.g. 'DVD+R', 'BD-R sequential recording', 'stdio file'. */
  type: string;
  /** Free space on the medium, when the tool says. */
  freeBytes?: number;
}

export interface BurnProgress {
  /** 0–100. */
  percent: number;
  bytesWritten?: number;
  totalBytes?: number;
}

export interface BurnOptions {
  onProgress?: (p: BurnProgress) => void;
  /** Aborting stops the tool; the disc is then unusable. */
  signal?: AbortSignal;
  eject?: boolean;
}

export interface Burner {
  listDrives(): Promise<Drive[]>;
  mediaInfo(drive: Drive): Promise<MediaInfo>;
  /** Writes the ISO image as one closed session. Rejects with a disc AppError (Chinese userMessage). */
  burn(image: string, drive: Drive, opts?: BurnOptions): Promise<void>;
}
