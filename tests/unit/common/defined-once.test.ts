import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as common from '../../../main/common';

// Each enumeration and each label table is written once, in main/common; everything else derives from it
// (z.enum(X), (typeof X)[number], X_LABELS[x]). This scans the source for a second copy: a literal array or a
// union type of the same values, or an object literal giving two or more of the same values the same names.

const ROOT = join(__dirname, '../../..');
const HOME = 'main/common/';

const ENUMS: Record<string, readonly string[]> = {
  ROLES: common.ROLES,
  CATEGORIES: common.CATEGORIES,
  CLASSIFICATIONS: common.CLASSIFICATIONS,
  MEDIA_KINDS: common.MEDIA_KINDS,
  MEDIA_FLAGS: common.MEDIA_FLAGS,
  INGEST_STATUSES: common.INGEST_STATUSES,
  RECORDER_STATUSES: common.RECORDER_STATUSES,
  CASE_STATUSES: common.CASE_STATUSES,
  ACCESS_TYPES: common.ACCESS_TYPES,
  ACCESS_STATES: common.ACCESS_STATES,
  ACCESS_SCOPE_KINDS: common.ACCESS_SCOPE_KINDS,
  DISC_MEDIA_TYPES: common.DISC_MEDIA_TYPES,
  INTEGRITY_PROBLEM_KINDS: common.INTEGRITY_PROBLEM_KINDS,
  HANDOVER_MARKS: common.HANDOVER_MARKS,
  RECORD_FORM_STATES: common.RECORD_FORM_STATES,
  SIGNATURE_ROLES: common.SIGNATURE_ROLES,
};

const LABELS: Record<string, Readonly<Record<string, string>>> = {
  ROLE_LABELS: common.ROLE_LABELS,
  CATEGORY_LABELS: common.CATEGORY_LABELS,
  CLASSIFICATION_LABELS: common.CLASSIFICATION_LABELS,
  MEDIA_KIND_LABELS: common.MEDIA_KIND_LABELS,
  MEDIA_FLAG_LABELS: common.MEDIA_FLAG_LABELS,
  INGEST_STATUS_LABELS: common.INGEST_STATUS_LABELS,
  RECORDER_STATUS_LABELS: common.RECORDER_STATUS_LABELS,
  CASE_STATUS_LABELS: common.CASE_STATUS_LABELS,
  ACCESS_TYPE_LABELS: common.ACCESS_TYPE_LABELS,
  ACCESS_STATE_LABELS: common.ACCESS_STATE_LABELS,
  ACCESS_SCOPE_KIND_LABELS: common.ACCESS_SCOPE_KIND_LABELS,
  DISC_MEDIA_LABELS: common.DISC_MEDIA_LABELS,
  INTEGRITY_PROBLEM_LABELS: common.INTEGRITY_PROBLEM_LABELS,
  HANDOVER_MARK_LABELS: common.HANDOVER_MARK_LABELS,
  RECORD_FORM_STATE_LABELS: common.RECORD_FORM_STATE_LABELS,
};

/** Source the program runs; migrations are excluded: their CHECK lists are history and never change. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (rel !== 'main/store/migrations') out.push(...sourceFiles(rel));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

interface Found {
  file: string;
  line: number;
}

function stringOf(node: ts.Node): string | null {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
}

function propName(name: ts.PropertyName): string | null {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
};

interface Scan {
  /** Literal arrays and union types, by the enumeration whose values they list. */
  sets: Map<string, Found[]>;
  /** Object literals, by the label table two or more of whose names they repeat. */
  labels: Map<string, Found[]>;
  /** Lists of roles written inline in the contract. */
  contractRoleLists: Found[];
}

function scan(files: readonly { file: string; text: string }[]): Scan {
  const result: Scan = { sets: new Map(), labels: new Map(), contractRoleLists: [] };
  const add = (m: Map<string, Found[]>, key: string, f: Found) => m.set(key, [...(m.get(key) ?? []), f]);
  const roles = new Set<string>(common.ROLES);
  for (const { file, text } of files) {
    const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const at = (n: ts.Node): Found => ({ file, line: src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1 });
    const visit = (n: ts.Node): void => {
      let list: string[] | null = null;
      if (ts.isArrayLiteralExpression(n)) {
        const items = n.elements.map(stringOf);
        if (items.length && items.every((x) => x !== null)) list = items as string[];
      } else if (ts.isUnionTypeNode(n)) {
        const items = n.types.map((t) => (ts.isLiteralTypeNode(t) ? stringOf(t.literal) : null));
        if (items.every((x) => x !== null)) list = items as string[];
      }
      if (list) {
        for (const [name, values] of Object.entries(ENUMS)) if (sameSet(list, values)) add(result.sets, name, at(n));
        if (file === 'main/api/contract.ts' && ts.isArrayLiteralExpression(n) && list.every((x) => roles.has(x))) result.contractRoleLists.push(at(n));
      }
      if (ts.isObjectLiteralExpression(n)) {
        const pairs = new Map<string, string>();
        for (const p of n.properties) {
          if (!ts.isPropertyAssignment(p)) continue;
          const key = propName(p.name);
          const value = stringOf(p.initializer);
          if (key !== null && value !== null) pairs.set(key, value);
        }
        for (const [name, table] of Object.entries(LABELS)) {
          const same = Object.entries(table).filter(([k, v]) => pairs.get(k) === v).length;
          if (same >= 2) add(result.labels, name, at(n));
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return result;
}

const show = (fs: Found[] | undefined): string[] => (fs ?? []).map((f) => `${f.file}:${f.line}`);

describe('each enumeration and label table is defined once, in main/common', () => {
  const files = [...sourceFiles('main'), ...sourceFiles('renderer/src'), ...sourceFiles('preload')];
  const found = scan(files.map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') })));

  it('scans the program source', () => {
    expect(files).toContain('main/common/values.ts');
    expect(files).toContain('renderer/src/labels.ts');
    expect(files.some((f) => f.startsWith('main/store/migrations/'))).toBe(false);
  });

  it.each(Object.keys(ENUMS))('%s is listed once', (name) => {
    const where = show(found.sets.get(name));
    expect(where, `${name} at ${where.join(', ')}`).toHaveLength(1);
    expect(where[0]).toMatch(new RegExp(`^${HOME}`));
  });

  it.each(Object.keys(LABELS))('%s is written once', (name) => {
    const where = show(found.labels.get(name));
    expect(where, `${name} at ${where.join(', ')}`).toHaveLength(1);
    expect(where[0]).toMatch(new RegExp(`^${HOME}`));
  });

  it('the contract names its role groups instead of listing roles inline', () => {
    expect(show(found.contractRoleLists)).toEqual([]);
  });

  it('finds a second copy when there is one', () => {
    const text = [
      "import { z } from 'zod';",
      "const c = z.enum(['state_secret', 'normal', 'privacy', 'business_secret']);",
      "type C = 'normal' | 'privacy' | 'business_secret' | 'state_secret';",
      "const L = { normal: '普通', privacy: '个人隐私', red: 'red' };",
      "const notRoles = ['officer', 'chief'];",
      "const P = { missing: '缺失', changed: '已改变' };",
      "const M = { done: '✓', none: '—' };",
      "type S = 'draft' | 'officer_signed' | 'chief_signed' | 'locked';",
    ].join('\n');
    const copy = scan([{ file: 'copy.ts', text }]);
    expect(show(copy.sets.get('CLASSIFICATIONS'))).toEqual(['copy.ts:2', 'copy.ts:3']);
    expect(show(copy.labels.get('CLASSIFICATION_LABELS'))).toEqual(['copy.ts:4']);
    expect(copy.sets.get('ROLES')).toBeUndefined();
    expect(show(copy.labels.get('INTEGRITY_PROBLEM_LABELS'))).toEqual(['copy.ts:6']);
    expect(show(copy.labels.get('HANDOVER_MARK_LABELS'))).toEqual(['copy.ts:7']);
    expect(show(copy.sets.get('RECORD_FORM_STATES'))).toEqual(['copy.ts:8']);
  });
});
