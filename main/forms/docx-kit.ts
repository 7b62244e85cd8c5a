// Building blocks for the printed forms: A4 sections with government margins, Chinese fonts set per
// script, bordered tables with fixed DXA widths (so Word and LibreOffice lay them out alike), signature
// lines, seal boxes and the page-numbered footer.
import { createHash } from 'node:crypto';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IFontAttributesProperties,
  type ITableCellBorders,
} from 'docx';
import { formatDateTime } from './format';

// -- Fonts and sizes --

export type FontKind = 'song' | 'fangsong' | 'hei' | 'mono';

// Chinese names are what Chinese Word writes; Latin text in Times New Roman as official forms do.
const FONTS: Record<FontKind, IFontAttributesProperties> = {
  song: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', hint: 'eastAsia' },
  fangsong: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', hint: 'eastAsia' },
  hei: { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', hint: 'eastAsia' },
  // Hashes: fixed pitch so a 64-digit SHA-256 splits into two equal, predictable lines.
  mono: { eastAsia: '宋体', ascii: 'Courier New', hAnsi: 'Courier New', cs: 'Courier New' },
};

/** Chinese type sizes (字号) in half-points, the unit docx uses for `size`. */
export const SIZE = {
  er: 44, // 二号 22pt
  xiaoEr: 36, // 小二 18pt
  san: 32, // 三号 16pt
  xiaoSan: 30, // 小三 15pt
  si: 28, // 四号 14pt
  xiaoSi: 24, // 小四 12pt
  wu: 21, // 五号 10.5pt
  xiaoWu: 18, // 小五 9pt
  liu: 15, // 六号 7.5pt
  hash: 14, // 7pt, for SHA-256 cells
} as const;

// -- Page geometry (twips: 1 cm = 567) --

export const cm = (n: number): number => Math.round(n * 566.93);

const A4 = { width: 11906, height: 16838 };

export type Orientation = 'portrait' | 'landscape';

// GB/T 9704 margins for portrait; landscape keeps the binding side but trims top and bottom so a wide
// register still has room for rows.
const MARGINS: Record<Orientation, { top: number; bottom: number; left: number; right: number }> = {
  portrait: { top: cm(3.7), bottom: cm(3.5), left: cm(2.8), right: cm(2.6) },
  landscape: { top: cm(2.6), bottom: cm(2.4), left: cm(2.8), right: cm(2.6) },
};

/** Usable text width of a page in twips; table column widths must add up to this. */
export function contentWidth(orientation: Orientation): number {
  const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
  return pageWidth - MARGINS[orientation].left - MARGINS[orientation].right;
}

/** Scales relative column weights to whole twips that add up to exactly `total`. */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

// -- Text --

export interface TextStyle {
  font?: FontKind;
  size?: number;
  bold?: boolean;
  color?: string;
}

export function run(text: string, style: TextStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONTS[style.font ?? 'song'],
    size: style.size ?? SIZE.wu,
    bold: style.bold,
    color: style.color,
    language: { eastAsia: 'zh-CN', value: 'en-US' },
  });
}

export type Align = 'left' | 'center' | 'right' | 'justify';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export interface ParaOptions extends TextStyle {
  align?: Align;
  /** Space before/after in twips. */
  before?: number;
  after?: number;
  /** Line spacing in 240ths of a line (240 = single). */
  line?: number;
  keepNext?: boolean;
  indentFirstChars?: number;
}

/** One paragraph; a string with '\n' still stays one paragraph, with line breaks. */
export function para(content: string | readonly TextRun[], opts: ParaOptions = {}): Paragraph {
  const runs =
    typeof content === 'string'
      ? content.split('\n').map((line, i) => (i === 0 ? run(line, opts) : new TextRun({ ...runProps(opts), text: line, break: 1 })))
      : content;
  return new Paragraph({
    children: [...runs],
    alignment: ALIGN[opts.align ?? 'left'],
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: opts.line ?? 240 },
    keepNext: opts.keepNext,
    indent: opts.indentFirstChars ? { firstLine: opts.indentFirstChars * ((opts.size ?? SIZE.wu) * 10) } : undefined,
  });
}

function runProps(style: TextStyle): { font: IFontAttributesProperties; size: number; bold?: boolean; color?: string } {
  return { font: FONTS[style.font ?? 'song'], size: style.size ?? SIZE.wu, bold: style.bold, color: style.color };
}

/** The form's title: bold 宋体 小二, centered, as a 方正小标宋 stand-in every office PC has. */
export function title(text: string): Paragraph {
  return para(text, { size: SIZE.xiaoEr, bold: true, align: 'center', after: 120, line: 300 });
}

/** Line under the title: unit on the left, number on the right (tab-free: a borderless two-cell table). */
export function subtitleRow(left: string, right: string, orientation: Orientation, leftShare = 0.6): Table {
  const w = contentWidth(orientation);
  const half = Math.floor(w * leftShare);
  return new Table({
    width: { size: w, type: WidthType.DXA },
    columnWidths: [half, w - half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: half, type: WidthType.DXA }, margins: ZERO_MARGINS, children: [para(left, { size: SIZE.xiaoWu + 3 })] }),
          new TableCell({
            width: { size: w - half, type: WidthType.DXA },
            margins: ZERO_MARGINS,
            children: [para(right, { size: SIZE.xiaoWu + 3, align: 'right' })],
          }),
        ],
      }),
    ],
  });
}

/** Section heading inside a form: 黑体 小四, kept with the table that follows. */
export function heading(text: string): Paragraph {
  return para(text, { font: 'hei', size: SIZE.xiaoSi, before: 200, after: 80, keepNext: true });
}

/** Empty paragraph used as vertical space (Word needs a paragraph between two tables anyway). */
export function spacer(twips = 120): Paragraph {
  return new Paragraph({ children: [], spacing: { before: 0, after: 0, line: Math.max(twips, 20), lineRule: 'exact' } });
}

// -- Tables --

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const ALL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const ZERO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
const LABEL_SHADE = { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' };

/** What goes into a table cell: plain text, or text with its own style. */
export type CellContent =
  | string
  | {
      text: string;
      font?: FontKind;
      size?: number;
      bold?: boolean;
      align?: Align;
      /** Merge this many grid columns. */
      span?: number;
      /** Narrow side margins (for hashes that must fit on two lines). */
      tight?: boolean;
      shaded?: boolean;
    };

function cellOf(content: CellContent, width: number, base: TextStyle & { align?: Align; shaded?: boolean; keepNext?: boolean }): TableCell {
  const spec = typeof content === 'string' ? { text: content } : content;
  const style = { font: spec.font ?? base.font, size: spec.size ?? base.size, bold: spec.bold ?? base.bold };
  const lines = spec.text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.span && spec.span > 1 ? spec.span : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: spec.tight ? { ...CELL_MARGINS, left: 40, right: 40 } : CELL_MARGINS,
    shading: (spec.shaded ?? base.shaded) ? LABEL_SHADE : undefined,
    children: lines.map((line) => para(line, { ...style, align: spec.align ?? base.align ?? 'left', line: 260, keepNext: base.keepNext })),
  });
}

function spanWidth(widths: readonly number[], start: number, span: number): number {
  return widths.slice(start, start + span).reduce((a, b) => a + b, 0);
}

/** One label/value pair of a field table. The value may span several grid columns. */
export interface Field {
  label: string;
  value: CellContent;
  /** Grid columns taken by the value cell (default 1). */
  span?: number;
}

/**
 * Bordered form table of label/value pairs. `widths` is the grid (label, value, label, value, …);
 * each row is a list of fields laid left to right. Labels are shaded and centered.
 */
export function fieldTable(rows: readonly (readonly Field[])[], widths: readonly number[], opts: { minRowHeight?: number } = {}): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: ALL_LINES,
    rows: rows.map((fields) => {
      let col = 0;
      const cells: TableCell[] = [];
      for (const f of fields) {
        cells.push(cellOf({ text: f.label, shaded: true, align: 'center' }, spanWidth(widths, col, 1), { size: SIZE.wu }));
        col += 1;
        const span = f.span ?? 1;
        const value = typeof f.value === 'string' ? { text: f.value } : f.value;
        cells.push(cellOf({ ...value, span }, spanWidth(widths, col, span), { font: 'fangsong', size: SIZE.wu }));
        col += span;
      }
      return new TableRow({
        children: cells,
        cantSplit: true,
        height: { value: opts.minRowHeight ?? cm(0.8), rule: HeightRule.ATLEAST },
      });
    }),
  });
}

/** The portrait forms' field grid: label, value, label, value; labels wide enough for seven characters on one line. */
export const FIELD_GRID: readonly number[] = columnWidths([2, 3, 2, 3], contentWidth('portrait'));

export interface Column {
  header: string;
  /** Relative weight; scaled to the page's content width. */
  weight: number;
  align?: Align;
}

/** A column of short values (numbers, names, times, codes), centred under its header; text columns stay left. */
export const centered = (header: string, weight: number): Column => ({ header, weight, align: 'center' });

/**
 * Bordered data table with a shaded header row that repeats on every page; rows never split across
 * pages so a hash is never cut in half.
 */
export function dataTable(
  columns: readonly Column[],
  rows: readonly (readonly CellContent[])[],
  orientation: Orientation,
  /** keepLastRows: the last rows stay on the page of what follows (a signature block is never alone on a page). */
  opts: { size?: number; emptyText?: string; keepLastRows?: number } = {},
): Table {
  const widths = columnWidths(
    columns.map((c) => c.weight),
    contentWidth(orientation),
  );
  const size = opts.size ?? SIZE.xiaoWu;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cellOf({ text: c.header, bold: true, align: 'center', shaded: true }, widths[i] ?? 0, { size, font: 'song' })),
  });
  const body =
    rows.length > 0
      ? rows.map((cells, r) => {
          let col = 0;
          const keepNext = r >= rows.length - (opts.keepLastRows ?? 0);
          return new TableRow({
            cantSplit: true,
            height: { value: cm(0.6), rule: HeightRule.ATLEAST },
            children: cells.map((c) => {
              const span = typeof c === 'string' ? 1 : (c.span ?? 1);
              const cell = cellOf(c, spanWidth(widths, col, span), { size, align: columns[col]?.align ?? 'left', keepNext });
              col += span;
              return cell;
            }),
          });
        })
      : [
          new TableRow({
            children: [cellOf({ text: opts.emptyText ?? '（无）', span: columns.length, align: 'center' }, spanWidth(widths, 0, columns.length), { size })],
          }),
        ];
  return new Table({
    width: { size: contentWidth(orientation), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: ALL_LINES,
    rows: [header, ...body],
  });
}

/** A SHA-256 as two lines of 32 hex digits in a small fixed-pitch font; every digit stays visible. */
export function hashCell(sha256: string | null): CellContent {
  if (!sha256) return { text: '—', align: 'center' };
  const hex = sha256.toLowerCase();
  return { text: `${hex.slice(0, 32)}\n${hex.slice(32)}`, font: 'mono', size: SIZE.hash, tight: true };
}

// -- Signatures and seal --

export interface SignatureLine {
  /** e.g. '移交人（签名）' */
  label: string;
  /** Printed name beside the blank, so the signer is identified even if the signature is illegible. */
  printedName?: string;
  /** Show a '日期' blank after the signature blank (default true). */
  date?: boolean;
}

const UNDERLINE_ONLY: ITableCellBorders = { top: NONE, left: NONE, right: NONE, bottom: LINE };

/**
 * Signature lines below a table: 'label：________（name）  日期：____年__月__日'. Blanks are cells with a
 * bottom border, because Word drops the underline of trailing spaces.
 */
export function signatureLines(lines: readonly SignatureLine[], orientation: Orientation): Table {
  const w = contentWidth(orientation);
  const widths = columnWidths([3, 2.6, 0.9, 2.4], w);
  const [wLabel = 0, wBlank = 0, wDateLabel = 0, wDate = 0] = widths;
  const plain = (text: string, width: number, align: Align = 'left', borders?: ITableCellBorders): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      margins: { top: 0, bottom: 20, left: 40, right: 40 },
      borders,
      children: [para(text, { size: SIZE.xiaoSi, align })],
    });
  return new Table({
    width: { size: w, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: lines.map(
      (l) =>
        new TableRow({
          cantSplit: true,
          height: { value: cm(1.2), rule: HeightRule.ATLEAST },
          children: [
            plain(`${l.label}：`, wLabel, 'right'),
            plain(l.printedName ? `（${l.printedName}）` : '', wBlank, 'right', UNDERLINE_ONLY),
            plain(l.date === false ? '' : '日期：', wDateLabel, 'right'),
            plain(l.date === false ? '' : '     年     月     日', wDate, 'right', l.date === false ? undefined : UNDERLINE_ONLY),
          ],
        }),
    ),
  });
}

/**
 * A signed form's closing words (仿宋), then the sentence naming the office's root certificate and its SHA-256
 * fingerprint on one Courier line, all kept with the signature boxes that follow.
 */
export function closingWithFingerprint(statement: string, fingerprintLead: string, fingerprint: string): Paragraph[] {
  const text = { font: 'fangsong', size: SIZE.xiaoWu + 1, keepNext: true } as const;
  return [
    para(statement, { ...text, before: 100, after: 100 }),
    para(fingerprintLead, text),
    // One line of Courier at 7.5pt: 95 characters fit the portrait text width.
    para([run(fingerprint, { font: 'mono', size: SIZE.liu })], { after: 100, keepNext: true }),
  ];
}

export interface SignatureBox {
  /** Heading inside the box, e.g. '执法人员签名' or '单位（盖章）'. */
  label: string;
  /** Lines printed in the middle of the box (e.g. the unit's name in the seal box). */
  body?: readonly string[];
  /** Closing line at the bottom right (default '年    月    日'). */
  dateLine?: string;
  /** Relative width (default 1). */
  weight?: number;
}

/**
 * A row of bordered boxes for handwritten signatures and the seal, each with its label at the top
 * left and the date at the bottom right, as Chinese paper forms have them. Tall enough for a 4.2 cm seal.
 */
export function signatureBoxes(boxes: readonly SignatureBox[], orientation: Orientation, heightCm = 4.6): Table {
  const widths = columnWidths(
    boxes.map((b) => b.weight ?? 1),
    contentWidth(orientation),
  );
  return new Table({
    width: { size: contentWidth(orientation), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: ALL_LINES,
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: cm(heightCm), rule: HeightRule.ATLEAST },
        children: boxes.map(
          (b, i) =>
            new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              margins: { top: 100, bottom: 100, left: 120, right: 120 },
              children: [
                para(`${b.label}：`, { size: SIZE.xiaoSi, after: 0 }),
                // Room to sign or stamp, then the body (if any) and the date.
                spacer(cm(heightCm - 2.4 - 0.55 * (b.body?.length ?? 0))),
                ...(b.body ?? []).map((line) => para(line, { font: 'fangsong', size: SIZE.wu, align: 'center' })),
                para(b.dateLine ?? '年    月    日', { size: SIZE.xiaoSi, align: 'right', before: 80 }),
              ],
            }),
        ),
      }),
    ],
  });
}

// -- Document --

/** What every form carries besides its own data. */
export interface FormMeta {
  /** The unit named on the form, e.g. 'XX乡综合执法大队'. */
  unitName: string;
  /** IANA zone in which every Date on the form is printed, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** When the document is generated (printed in the footer). Passed in so output is reproducible. */
  generatedAt: Date;
  /** Short id printed in the footer; derived from the content when absent. */
  documentId?: string;
}

/**
 * A short id from the content: the prefix and the first 8 hex digits of SHA-256 over the data, so the
 * same data always gets the same id and a printout can be matched to what produced it.
 */
export function contentId(prefix: string, data: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  return `${prefix}-${digest.slice(0, 8).toUpperCase()}`;
}

/** The head of a form: its title, page, document id and the line under the title. */
export interface DocumentSpec {
  title: string;
  orientation: Orientation;
  meta: FormMeta;
  /** Prefix of the id derived from the content when the meta names none ('JJ'): see contentId. */
  idPrefix: string;
  /** Left of the line under the title (default the unit: '单位：…'); the document id stands on its right. */
  subtitle?: string;
}

function footer(spec: DocumentSpec, documentId: string): Footer {
  const small = { size: SIZE.xiaoWu };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ ...runProps(small), children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] }),
        ],
      }),
      para(`${spec.title}\u3000文档编号：${documentId}\u3000生成时间：${formatDateTime(spec.meta.generatedAt, spec.meta.timeZone)}`, {
        size: SIZE.liu,
        color: '444444',
        align: 'center',
        before: 40,
      }),
    ],
  });
}

/** Packs a form into a .docx: its title, the subtitle line with the document id, then its body. Only zipping is async. */
export async function buildDocument(spec: DocumentSpec, body: readonly (Paragraph | Table)[]): Promise<Buffer> {
  const documentId = spec.meta.documentId ?? contentId(spec.idPrefix, spec.meta);
  const doc = new Document({
    title: spec.title,
    creator: spec.meta.unitName,
    description: `${spec.title}（${documentId}）`,
    styles: {
      default: {
        document: {
          run: { font: FONTS.song, size: SIZE.wu, language: { eastAsia: 'zh-CN', value: 'en-US' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: spec.orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
            },
            margin: { ...MARGINS[spec.orientation], header: cm(1.5), footer: cm(1.2) },
          },
        },
        footers: { default: footer(spec, documentId) },
        children: [
          title(spec.title),
          // A landscape line has room for the unit and the period or day; the id keeps the rest.
          subtitleRow(spec.subtitle ?? `单位：${spec.meta.unitName}`, `编号：${documentId}`, spec.orientation, spec.orientation === 'landscape' ? 0.75 : 0.6),
          spacer(80),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
