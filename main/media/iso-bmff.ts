// Top-level ISO-BMFF (MP4/MOV) box walk. A recorder that loses power mid-recording leaves a file whose mdat
// claims more bytes than exist, or no moov box at all; ffprobe alone cannot tell that from "junk".

export interface BoxWalk {
  /** The file starts with a plausible ISO-BMFF box; false for anything else (then the other fields mean nothing). */
  isoBmff: boolean;
  truncated: boolean;
  hasMoov: boolean;
  boxes: string[];
}

/** Reads up to `length` bytes at `position`; may return fewer at end of file. */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

const FIRST_BOX = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'styp', 'uuid', 'jP  ']);
const MAX_BOXES = 100_000;

function isFourCC(b: Buffer): boolean {
  return b.length === 4 && [...b].every((c) => c >= 0x20 && c <= 0x7e);
}

export async function walkTopLevelBoxes(readAt: ReadAt, fileSize: number): Promise<BoxWalk> {
  const out: BoxWalk = { isoBmff: false, truncated: false, hasMoov: false, boxes: [] };
  let pos = 0;
  while (pos < fileSize && out.boxes.length < MAX_BOXES) {
    const head = await readAt(pos, 16);
    if (head.length < 8) {
      out.truncated = out.isoBmff; // a partial header at the end
      break;
    }
    const type = head.subarray(4, 8);
    if (!isFourCC(type)) {
      // Bytes after complete boxes (e.g. zero padding) are tolerated; a missing moov is caught below.
      break;
    }
    const name = type.toString('latin1');
    if (out.boxes.length === 0) {
      if (!FIRST_BOX.has(name)) break;
      out.isoBmff = true;
    }
    out.boxes.push(name);
    if (name === 'moov') out.hasMoov = true;
    let size = head.readUInt32BE(0);
    let headerLen = 8;
    if (size === 1) {
      if (head.length < 16) {
        out.truncated = true;
        break;
      }
      size = Number(head.readBigUInt64BE(8));
      headerLen = 16;
    } else if (size === 0) {
      size = fileSize - pos; // "extends to end of file": legal only for the last box
    }
    if (size < headerLen) {
      out.truncated = true;
      break;
    }
    if (pos + size > fileSize) {
      out.truncated = true;
      break;
    }
    pos += size;
  }
  if (out.isoBmff && !out.hasMoov) out.truncated = true;
  return out;
}
