// Disc burners (DESIGN.md §7): one interface, the implementation for this OS.
export type { Burner, BurnOptions, BurnProgress, Drive, MediaInfo } from './types';
export { XorrisoBurner, parseDevices, parseToc, parseProgress } from './xorriso';
export { HdiutilBurner, parseBurnList } from './hdiutil';
export { Imapi2Burner, parseEvent, errorFromEvent } from './imapi2';
export { burnErrorFrom } from './messages';

import { HdiutilBurner } from './hdiutil';
import { Imapi2Burner } from './imapi2';
import type { Burner } from './types';
import { XorrisoBurner } from './xorriso';

export function createBurner(platform: NodeJS.Platform = process.platform): Burner {
  if (platform === 'win32') return new Imapi2Burner();
  if (platform === 'darwin') return new HdiutilBurner();
  return new XorrisoBurner();
}
