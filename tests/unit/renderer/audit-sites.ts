/**
 * Every audit entry the code writes, read from the source with the TypeScript checker: the action names, the
 * detail keys (also those that arrive by spread or in a variable: the checker knows the type) and the string
 * values a key can take when its type says so (a union of literals, e.g. an ingest status).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface AuditSites {
  actions: Set<string>;
  /** key → where it is written (file:line), for the failure message. */
  keys: Map<string, string>;
  /** literal value → the key and place it is written. */
  values: Map<string, string>;
}

const ACTION = /^[a-z_]+\.[a-z_]+$/;
const AUDIT_CALLEES = new Set(['audit', 'auditAs']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.generated.ts') ? [p] : [];
  });
}

function calleeName(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return null;
}

export function collectAuditSites(root: string): AuditSites {
  const files = sourceFiles(path.join(root, 'main'));
  const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: ['node'] });
  const checker = program.getTypeChecker();
  const out: AuditSites = { actions: new Set(), keys: new Map(), values: new Map() };

  const walkType = (t: ts.Type, where: string, depth: number, seen: Set<ts.Type>): void => {
    if (depth > 4 || seen.has(t)) return;
    seen.add(t);
    if (t.isUnion()) {
      for (const u of t.types) walkType(u, where, depth, seen);
      return;
    }
    if (checker.isArrayType(t)) {
      const el = checker.getTypeArguments(t as ts.TypeReference)[0];
      if (el) walkType(el, where, depth, seen);
      return;
    }
    if (!(t.flags & ts.TypeFlags.Object) || checker.getIndexInfosOfType(t).length) return;
    const name = checker.typeToString(t);
    if (name === 'Date') return;
    for (const p of t.getProperties()) {
      if (!out.keys.has(p.name)) out.keys.set(p.name, where);
      const pt = checker.getNonNullableType(checker.getTypeOfSymbol(p));
      // A key's fixed values: a union of string literals, or an array of them (flags).
      const el = checker.isArrayType(pt) ? checker.getTypeArguments(pt as ts.TypeReference)[0] : undefined;
      const base = el ?? pt;
      const literals = base.isUnion() ? base.types : [base];
      for (const l of literals) if (l.isStringLiteral() && !out.values.has(l.value)) out.values.set(l.value, `${p.name} @ ${where}`);
      walkType(pt, where, depth + 1, seen);
    }
  };

  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.normalize(sf.fileName))) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && AUDIT_CALLEES.has(calleeName(n.expression) ?? '')) {
        const i = n.arguments.findIndex((a) => ts.isStringLiteralLike(a) && ACTION.test(a.text));
        if (i >= 0) {
          out.actions.add((n.arguments[i] as ts.StringLiteralLike).text);
          const details = n.arguments[i + 2];
          if (details) {
            const where = `${path.relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
            walkType(checker.getTypeAtLocation(details), where, 0, new Set());
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
