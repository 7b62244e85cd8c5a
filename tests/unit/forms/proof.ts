// Test helpers: print a .docx to PDF with LibreOffice and read back what the paper shows. Content is
// checked in the DOCX XML (docx-read.ts); here only what holds on paper whatever the fonts: every value
// present once the text is unwrapped, header rows repeated, blocks kept on one page, page numbering.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { withProjectFonts } from '../../support/fonts';
import type { DocxBlock } from './docx-read';

export function hasTool(cmd: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 });
  return !r.error && r.status === 0;
}

/** Why PDF checks cannot run here, or null when LibreOffice and poppler are installed. */
export function pdfToolsMissing(): string | null {
  const missing = [
    hasTool('soffice') ? null : 'soffice (LibreOffice)',
    hasTool('pdftotext', ['-v']) ? null : 'pdftotext (poppler-utils)',
    hasTool('pdfinfo', ['-v']) ? null : 'pdfinfo (poppler-utils)',
  ].filter((t) => t !== null);
  return missing.length ? `not installed: ${missing.join(', ')}` : null;
}

/**
 * Converts .docx files to PDF in one LibreOffice run (start-up dominates the time), with the project's
 * font map. A private profile keeps parallel runs apart.
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
      { encoding: 'utf8', timeout: 180_000, env: withProjectFonts() },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${String(r.status)}): ${r.stderr}`);
    return Object.fromEntries(Object.keys(files).map((name) => [name, join(outDir, `${name}.pdf`)]));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Text with all white space removed: table cells wrap words and numbers at arbitrary places. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * The text of each page, white space removed. `-raw` keeps the content-stream order, in which LibreOffice
 * draws a table cell's lines one after the other, and does not drop a hyphen at a line end (the default
 * mode joins 'QS-ZF-2024-' + '017' into 'QS-ZF-2024017' and may interleave neighbouring cells).
 */
export function pdfPageTexts(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const pages = r.stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map(squash);
}

/** The text lines of the whole PDF in content-stream order, white space kept: a cell's wrapped lines come out apart. */
export function pdfLines(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.split(/[\n\f]/);
}

export interface PdfInfo {
  pages: number;
  /** Page size in points, e.g. 595 × 842 for A4 portrait. */
  width: number;
  height: number;
}

export function pdfInfo(pdf: string): PdfInfo {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/m.exec(r.stdout);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(r.stdout);
  if (!pages || !size) throw new Error(`pdfinfo gave no page count or size: ${r.stdout}${r.stderr}`);
  return { pages: Number(pages[1]), width: Math.round(Number(size[1])), height: Math.round(Number(size[2])) };
}

/** 1-based numbers of the pages whose text holds `needle` (white space ignored). */
export function pagesWith(pages: readonly string[], needle: string): number[] {
  const n = squash(needle);
  return pages.flatMap((text, i) => (text.includes(n) ? [i + 1] : []));
}

/**
 * Every non-blank paragraph and table cell of a DOCX body looked for in the PDF text, white space
 * removed on both sides: what the paper must show whatever the line breaks.
 */
export function onPaperCheck(blocks: readonly DocxBlock[], pages: readonly string[]): { checked: number; missing: string[] } {
  const all = pages.join('');
  const needles = blocks
    .flatMap((b) => ('paragraph' in b ? [b.paragraph] : b.table.flat()))
    .map(squash)
    .filter((n) => n !== '');
  return { checked: needles.length, missing: needles.filter((n) => !all.includes(n)) };
}

/** Renders every page to `dir/<name>-<page>.png` at 60 dpi, as proofs to look at (older proofs removed). */
export function proofPngs(pdf: string, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const name = basename(pdf, '.pdf');
  const stem = join(dir, name);
  for (const old of readdirSync(dir)) if (new RegExp(`^${name}-\\d+\\.png$`).test(old)) rmSync(join(dir, old));
  const tmp = mkdtempSync(join(tmpdir(), 'proof-'));
  try {
    const r = spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(tmp, 'p')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    const { pages } = pdfInfo(pdf);
    const out: string[] = [];
    for (let p = 1; p <= pages; p++) {
      // pdftoppm pads the page number to the width of the page count.
      const made = join(tmp, `p-${String(p).padStart(String(pages).length, '0')}.png`);
      copyFileSync(made, `${stem}-${p}.png`);
      out.push(`${stem}-${p}.png`);
    }
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
