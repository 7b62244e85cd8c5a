import { revocationAwareVerifier } from '../../accounts';
import { formatBytes } from '../../common';
import { verifyDetachedQuick, type Pem } from '../../crypto';
import { checkIntegrity, type IntegrityReport } from '../../ingest';
import { verifyAuditChain, type ChainAnchors } from '../../audit';
import { requireArchive, withArchive } from '../archive';
import { EXIT_OK, EXIT_PROBLEMS, STRING, UsageError, parseArchiveArgs } from '../args';
import { println, type CliEnv } from '../env';
import { text } from '../escape';
import { asUser } from '../session';

export const verifyUsage = 'verify --archive DIR [--user LOGIN] [--anchor SEQ:HASH]... [--anchor-seal HASH]... [--json]';


/** `--anchor SEQ:HASH` and `--anchor-seal HASH`, as printed on a signed paper weekly report. */
export function parseAnchors(anchor: string[] = [], anchorSeal: string[] = []): ChainAnchors {
  const anchors = anchor.map((a) => {
    const m = /^(\d+):([0-9a-fA-F]{64})$/.exec(a.trim());
    if (!m) throw new UsageError(`--anchor wants SEQ:HASH (a row number and its 64-digit hash), got "${a}"`);
    return { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
  });
  const sealAnchors = anchorSeal.map((h) => {
    if (!/^[0-9a-fA-F]{64}$/.test(h.trim())) throw new UsageError(`--anchor-seal wants a 64-digit hash, got "${h}"`);
    return h.trim().toLowerCase();
  });
  return { ...(anchors.length ? { anchors } : {}), ...(sealAnchors.length ? { sealAnchors } : {}) };
}

/**
 * Checks the audit chain, its chained day seals and their files in `seals/` (and the anchors from a
 * paper weekly report, if given), and re-hashes every original against the store (missing,
 * changed and unregistered files, day manifests and their signatures). An original disposed of after
 * retention is listed as DISPOSED with its signed record (whose hash and signature are checked), not as missing. With --user both checks run
 * through the API as that user and the integrity check is itself audited; without it, it only reads.
 */
export async function verifyCommand(argv: string[], env: CliEnv): Promise<number> {
  const { archive, values } = parseArchiveArgs(argv, { user: STRING, anchor: { type: 'string', multiple: true }, 'anchor-seal': { type: 'string', multiple: true } });
  const anchors = parseAnchors(values.anchor, values['anchor-seal']);
  requireArchive(archive);

  let report;
  let originals: IntegrityReport;
  if (values.user) {
    [originals, report] = await asUser(archive, values.user, env, async (cli) => [await cli.call('integrity.check', {}), await cli.call('audit.verify', anchors)] as const);
  } else {
    [report, originals] = await withArchive(archive, env, async (store, office) => {
      const verifier = revocationAwareVerifier(store.db, office.caCertPem as Pem);
      const sealVerifier = revocationAwareVerifier(store.db, office.caCertPem as Pem, verifyDetachedQuick);
      const chain = verifyAuditChain(store.db, { timeZone: office.timeZone, now: env.clock.now(), sealsDir: store.paths.seals, verifySeal: sealVerifier, ...anchors });
      return [chain, await checkIntegrity(store.paths.root, store.db, {}, { verifySignature: verifier })] as const;
    });
  }

  if (values.json) {
    println(env.stdout, JSON.stringify({ auditChain: report, originals }, null, 2));
  } else {
    println(env.stdout,
      `audit chain: ${report.entries} entries, head ${report.headSeq} ${report.headHash}, ${report.sealedDays} sealed day(s), latest seal ${report.latestSeal ? `${report.latestSeal.day} ${report.latestSeal.hash}` : 'none'}`,
    );
    for (const p of report.problems) println(env.stdout, text`PROBLEM [${p.kind}] ${p.seq ? `row ${p.seq}: ` : ''}${p.message}`);
    for (const w of report.warnings) println(env.stdout, text`WARNING [${w.kind}] ${w.seq ? `row ${w.seq}: ` : ''}${w.message}`);
    println(env.stdout,
      `originals: ${originals.checked} checked (${formatBytes(originals.bytes)}), ${originals.missing} missing, ${originals.changed} changed, ${originals.extra} extra, ${originals.manifestProblems} manifest problem(s), ${originals.disposed.length} disposed`,
    );
    // Disposed after retention (art. 11(3)): named with the signed record that lists them, never as missing.
    for (const d of originals.disposed) {
      println(env.stdout, text`DISPOSED ${d.path} sha256 ${d.sha256}: disposal ${d.disposalId} at ${d.disposedAt}, record forms/${d.recordFile} (+ .p7s)`);
      if (d.bytesPresent) println(env.stdout, text`WARNING [disposal] ${d.path}: disposed but its bytes are still on disk; run the disposal again to finish removing them`);
    }
    for (const p of originals.problems) println(env.stdout, text`PROBLEM [${p.kind}] ${p.path}: ${p.message}`);
    if (report.ok && originals.ok) println(env.stdout, `OK: no problems found${report.warnings.length ? ` (${report.warnings.length} warning(s) above)` : ''}`);
  }
  return report.ok && originals.ok ? EXIT_OK : EXIT_PROBLEMS;
}
