// Fonts are part of the program: every font family the forms name is mapped by the project's font map
// (resources/fonts/fonts.conf) to a metric-compatible font from fonts-liberation2 or fonts-noto-cjk, and on
// this machine fontconfig resolves each to exactly that font. A family resolved to anything else (DejaVu
// on a machine without those packages) changes line and page breaks.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handoverSheet, recordForm, viewingRegister, weeklyReport } from '../../../main/forms';
import { FONTCONFIG_FILE, withProjectFonts } from '../../support/fonts';
import { docxPart } from './docx-read';
import { hasTool } from './proof';
import { handoverSample, recordSample, viewingSample, weeklySample } from './samples';

/** Written from the packages' documentation: the font each Windows family must come out as. */
const EXPECTED: Record<string, string> = {
  'Times New Roman': 'Liberation Serif',
  Arial: 'Liberation Sans',
  'Courier New': 'Liberation Mono',
  宋体: 'Noto Serif CJK SC',
  SimSun: 'Noto Serif CJK SC',
  仿宋: 'Noto Serif CJK SC',
  FangSong: 'Noto Serif CJK SC',
  黑体: 'Noto Sans CJK SC',
  SimHei: 'Noto Sans CJK SC',
};

/** Families named in the run fonts (w:rFonts) of the forms' document, styles and footer parts. */
async function familiesTheFormsName(): Promise<Set<string>> {
  const docs = [
    await handoverSheet(handoverSample()),
    await weeklyReport(weeklySample()),
    await viewingRegister(viewingSample()),
    await recordForm(recordSample()),
  ];
  const families = new Set<string>();
  for (const doc of docs) {
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/footer1.xml']) {
      for (const rFonts of docxPart(doc, part).matchAll(/<w:rFonts\b([^>]*)\/>/g)) {
        for (const attr of (rFonts[1] ?? '').matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) families.add(attr[1] ?? '');
      }
    }
  }
  return families;
}

function fcMatch(pattern: string): { family: string; style: string } {
  const r = spawnSync('fc-match', ['-f', '%{family[0]}|%{style[0]}', pattern], { encoding: 'utf8', env: withProjectFonts() });
  if (r.status !== 0) throw new Error(`fc-match failed: ${r.stderr}`);
  const [family = '', style = ''] = r.stdout.split('|');
  return { family, style };
}

describe('the project font map', () => {
  it('maps every family the forms name, with a strong alias', async () => {
    const named = await familiesTheFormsName();
    expect([...named].sort()).toEqual(['Arial', 'Courier New', 'Times New Roman', '仿宋', '宋体', '黑体'].sort());
    const conf = readFileSync(FONTCONFIG_FILE, 'utf8');
    for (const [family, target] of Object.entries(EXPECTED)) {
      expect(conf, family).toContain(`<alias binding="same"><family>${family}</family><prefer><family>${target}</family></prefer></alias>`);
    }
    expect(conf).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
  });

  const noFcMatch = !hasTool('fc-match', ['--version']);
  if (noFcMatch) console.log('fonts: fc-match checks skipped — fc-match (Debian package fontconfig) is not installed');

  it.skipIf(noFcMatch).each(Object.entries(EXPECTED))('fc-match resolves %s to %s, regular and bold', (family, target) => {
    expect(fcMatch(family)).toEqual({ family: target, style: 'Regular' });
    expect(fcMatch(`${family}:bold`)).toEqual({ family: target, style: 'Bold' });
  });
});
