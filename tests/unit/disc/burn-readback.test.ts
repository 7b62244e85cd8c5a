import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/common';
import { readBack } from '../../../main/disc';
import { flipByteInImage } from '../../support/iso-tamper';
import { burnErrorFrom, errorFromEvent, parseDevices, parseEvent, parseProgress, parseToc, XorrisoBurner, type BurnProgress } from '../../../native/burn';
import { expectedFromStore, makeBagFixture, type BagFixture } from './bag-fixture';
import { tempDir } from './helpers';

let work: string;
let f: BagFixture;
let target: string;
const burner = new XorrisoBurner();
const progress: BurnProgress[] = [];

beforeAll(async () => {
  work = await tempDir('evidence-burn-');
  f = await makeBagFixture(work);
  target = join(work, 'burned.iso');
  await burner.burn(f.imagePath, { id: `stdio:${target}`, vendor: '', product: '' }, { onProgress: (p) => progress.push(p) });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('burning to the xorriso stdio: pseudo-drive', () => {
  it('writes the image (plus cdrecord padding) and reports progress to 100%', async () => {
    const img = await readFile(f.imagePath);
    const burned = await readFile(target);
    expect(burned.length).toBeGreaterThanOrEqual(img.length);
    expect(burned.subarray(0, img.length).equals(img)).toBe(true);
    expect(progress[0]!.percent).toBe(0);
    expect(progress[progress.length - 1]!.percent).toBe(100);
  });

  it('sees the pseudo-drive medium as written afterwards and refuses to burn it again (not blank)', async () => {
    const info = await burner.mediaInfo({ id: `stdio:${target}`, vendor: '', product: '' });
    expect(info).toMatchObject({ present: true, blank: false });
    const err = await burner.burn(f.imagePath, { id: `stdio:${target}`, vendor: '', product: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DISC_NOT_BLANK');
    expect((err as AppError).userMessage).toBe('光盘不是空白盘，请换一张空白光盘');
  });

  it('lists no drives on a machine without burners instead of failing', async () => {
    expect(Array.isArray(await burner.listDrives())).toBe(true);
  });
});

describe('read-back check', () => {
  it('passes on the burned pseudo-drive against the hashes from the store', async () => {
    const r = await readBack(target, expectedFromStore(f));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(f.bag.payload.length);
  });

  it('fails naming the file after one byte of the burned image is flipped', async () => {
    const victim = await flipByteInImage(target, (p) => p.endsWith('现场录音_李四.WAV'), 1000);
    const r = await readBack(target, expectedFromStore(f));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.path, p.status])).toEqual([[victim, 'changed']]);
  });

  it('reads a mounted-disc folder the same way and names missing and extra files', async () => {
    const r = await readBack(f.bag.stagingDir, expectedFromStore(f).filter((e) => !e.path.startsWith('data/originals/')).concat([{ path: 'data/gone.bin', sha256: '0'.repeat(64), size: 1 }]));
    expect(r.problems.map((p) => [p.path, p.status])).toEqual([['data/gone.bin', 'missing']]);
    expect((await stat(f.bag.stagingDir)).isDirectory()).toBe(true);
  });
});

describe('burn tool output', () => {
  it('parses xorriso drive lists, media and progress', () => {
    expect(parseDevices("0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'DVDRAM GH24NSD1'\n")).toEqual([{ id: '/dev/sr0', vendor: 'HL-DT-ST', product: 'DVDRAM GH24NSD1' }]);
    expect(parseToc('Media current: DVD+R\nMedia status : is blank\nMedia blocks : 0 readable , 2295104 writable , 2295104 overall\n')).toEqual({
      present: true, blank: true, type: 'DVD+R', freeBytes: 2295104 * 2048,
    });
    expect(parseToc('Media current: is not present\nMedia status : is not present\n').present).toBe(false);
    expect(parseToc('Media current: CD-R\nMedia status : is written , is closed\n').blank).toBe(false);
    expect(parseProgress('xorriso : UPDATE :   25 of  100 MB written [buf  50%]')).toBe(25);
  });

  it('maps the tools\' messages to the Chinese errors users need', () => {
    expect(burnErrorFrom('xorriso', 'libburn : SORRY : No drives found', 32).code).toBe('DISC_NO_DRIVE');
    expect(burnErrorFrom('xorriso', 'FAILURE : Media not present', 5).code).toBe('DISC_NO_MEDIUM');
    expect(burnErrorFrom('hdiutil', 'hdiutil: burn failed - No media in drive', 1).userMessage).toBe('刻录机中没有光盘，请放入空白光盘');
    expect(burnErrorFrom('xorriso', 'FAILURE : Media is not blank', 5).code).toBe('DISC_NOT_BLANK');
    expect(burnErrorFrom('xorriso', 'SORRY : Image size exceeds the free space on media', 5).code).toBe('DISC_TOO_SMALL');
    const other = burnErrorFrom('xorriso', 'SCSI error: write failed', 5);
    expect(other.code).toBe('DISC_BURN_FAILED');
    expect(other.userMessage).toContain('刻录失败');
  });

  it('reads the IMAPI2 script\'s JSON lines', () => {
    expect(parseEvent('{"type":"progress","percent":42}')).toEqual({ type: 'progress', percent: 42 });
    expect(parseEvent('WARNING: something')).toBeUndefined();
    expect(errorFromEvent({ code: 'DISC_NOT_BLANK', message: 'medium is not blank' }).code).toBe('DISC_NOT_BLANK');
    expect(errorFromEvent({ code: 'DISC_BURN_FAILED', message: 'There is no media in the device (HRESULT 0xC0AA0202)' }).code).toBe('DISC_NO_MEDIUM');
  });
});
