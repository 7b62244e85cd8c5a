// Test helpers: read a .docx (a zip) without outside tools, and turn it into a PDF with LibreOffice to
// check what a printout would show.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

/** Names and contents of a zip's entries, read from its central directory. */
export function unzipEntry(zip: Buffer, name: string): Buffer | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no zip end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entryName = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) {
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(dataStart, dataStart + compressed);
      return method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

export function hasTool(cmd: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 });
  return !r.error && r.status === 0;
}

const FONTS_CONF = fileURLToPath(new URL('./fonts.conf', import.meta.url));

/**
 * Converts .docx files to PDF in one LibreOffice run (start-up dominates the time). A private profile
 * keeps parallel runs apart; the font map gives Simplified Chinese serif shapes where fonts allow.
 */
export function docxToPdf(files: Record<string, Buffer>, outDir: string): Record<string, string> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-forms-'));
  try {
    const inputs = Object.entries(files).map(([name, buf]) => {
      const path = join(outDir, `${name}.docx`);
      writeFileSync(path, buf);
      return path;
    });
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...inputs],
      { encoding: 'utf8', timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF } },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${String(r.status)}): ${r.stderr}`);
    return Object.fromEntries(Object.keys(files).map((name) => [name, join(outDir, `${name}.pdf`)]));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function pdfText(pdf: string): string {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

export function pdfPages(pdf: string): number {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout);
  if (!m) throw new Error(`pdfinfo gave no page count: ${r.stderr}`);
  return Number(m[1]);
}

/** Renders page 1 to `dir/<name>.png` at 60 dpi as a proof to look at. */
export function proofPng(pdf: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const stem = join(dir, basename(pdf, '.pdf'));
  const r = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, `${stem}.tmp`]);
  if (r.status !== 0) throw new Error('pdftoppm failed');
  renameSync(`${stem}.tmp.png`, `${stem}.png`);
  return `${stem}.png`;
}

/** Text with all white space removed: table cells wrap words and numbers at arbitrary places. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

