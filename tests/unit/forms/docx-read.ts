// Test helpers: what a .docx says, read from its XML without outside tools. This is where a form's content
// is checked (every value, full hashes, in the right cell); the PDF checks only what the page shows.
import { inflateRawSync } from 'node:zlib';

/** One entry of a zip, read through its central directory; null when absent. */
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

export function docxPart(docx: Buffer, part = 'word/document.xml'): string {
  const entry = unzipEntry(docx, part);
  if (!entry) throw new Error(`${part} missing from the .docx`);
  return entry.toString('utf8');
}

/** A table as rows of cell texts. */
export type DocxTable = string[][];

/** The body in order: a paragraph's text, or a table. */
export type DocxBlock = { paragraph: string } | { table: DocxTable };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');

/**
 * The text of one paragraph as Word shows it: runs joined, a line break as '\n', a tab as '\t', a field
 * (page number) as `{PAGE}`.
 */
function paragraphText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>|<w:instrText(?:\s[^>]*)?>([^<]*)<\/w:instrText>/g)) {
    if (m[0] === '<w:br/>') out += '\n';
    else if (m[0] === '<w:tab/>') out += '\t';
    else if (m[2] !== undefined) out += `{${m[2].trim()}}`;
    else out += unescape(m[1] ?? '');
  }
  return out;
}

const paragraphsOf = (xml: string): string[] => [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => paragraphText(m[1] ?? ''));

/** A cell's paragraphs joined with '\n'. The forms never nest tables, so non-greedy matching is exact. */
function tableOf(xml: string): DocxTable {
  return [...xml.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => paragraphsOf(cell[1] ?? '').join('\n')),
  );
}

/** Paragraphs and tables of a document (or header/footer) part, in order. */
export function docxBlocks(partXml: string): DocxBlock[] {
  if (/<w:tc>(?:(?!<\/w:tc>)[\s\S])*<w:tbl>/.test(partXml)) throw new Error('nested tables: docxBlocks does not read them');
  const blocks: DocxBlock[] = [];
  for (const m of partXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    blocks.push(m[1] !== undefined ? { table: tableOf(m[1]) } : { paragraph: paragraphText(m[2] ?? '') });
  }
  return blocks;
}

export const tablesOf = (blocks: readonly DocxBlock[]): DocxTable[] => blocks.flatMap((b) => ('table' in b ? [b.table] : []));
export const paragraphsIn = (blocks: readonly DocxBlock[]): string[] => blocks.flatMap((b) => ('paragraph' in b ? [b.paragraph] : []));

/** Label → value of a form's field table, whose rows are label, value, label, value, … */
export function fieldsOf(table: DocxTable): Map<string, string> {
  const fields = new Map<string, string>();
  for (const row of table) {
    if (row.length % 2 !== 0) throw new Error(`not a label/value row: ${JSON.stringify(row)}`);
    for (let i = 0; i < row.length; i += 2) fields.set(row[i] ?? '', row[i + 1] ?? '');
  }
  return fields;
}

/** The table whose first row starts with these cells. */
export function tableStartingWith(blocks: readonly DocxBlock[], ...firstCells: string[]): DocxTable {
  const found = tablesOf(blocks).find((t) => firstCells.every((c, i) => t[0]?.[i] === c));
  if (!found) throw new Error(`no table starting with ${firstCells.join(' | ')}`);
  return found;
}
