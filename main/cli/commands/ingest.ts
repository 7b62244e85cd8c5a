import { statSync } from 'node:fs';
import path from 'node:path';
import type { EventPayload, HostCapabilities, IngestItemDto, IngestSessionDetailDto } from '../../api';
import { AppError, formatBytes } from '../../common';
import { requireArchive } from '../archive';
import { EXIT_OK, EXIT_PROBLEMS, FLAG, STRING, UsageError, parseArchiveArgs, requireOption } from '../args';
import { println, type CliEnv, type Writer } from '../env';
import { text } from '../escape';
import { readPassword } from '../password';
import { CliSession } from '../session';

export const ingestUsage = 'ingest --archive DIR --source DIR --user LOGIN [--officer BADGE] [--recorder SERIAL] [--json]';

/** One line per file the progress events name (they come at most a few times a second). */
function progressPrinter(err: Writer): (p: EventPayload<'ingest.progress'>) => void {
  let last: string | null = null;
  return (p) => {
    if (p.currentFile === null || p.currentFile === last) return;
    last = p.currentFile;
    const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
    println(err, text`[${Math.min(p.filesDone + 1, p.filesTotal)}/${p.filesTotal}] ${String(pct).padStart(3)}%  ${p.currentFile}`);
  };
}

function fileJson(i: IngestItemDto) {
  return {
    relPath: i.relPath,
    outcome: i.outcome,
    size: i.size,
    storedPath: i.storedPath,
    sha256: i.sha256,
    kind: i.kind,
    startAt: i.startAt,
    startSource: i.startSource,
    durationSec: i.durationSec,
    hasAudio: i.hasAudio,
    videoCodec: i.videoCodec,
    flags: i.flags,
    message: i.message,
  };
}

function printTable(out: Writer, d: IngestSessionDetailDto, source: string): void {
  const officer = d.handedOverBy ? `${d.handedOverBy.name} (${d.handedOverBy.badgeNo})` : '-';
  println(out, text`ingest session ${d.id} from ${source}: ${d.status}`);
  println(out, text`recorder ${d.recorderSerial ?? '-'}, officer ${officer}, received by ${d.receivedBy}`);
  if (d.clockDriftSec !== null) println(out, text`recorder clock drift: ${d.clockDriftSec > 0 ? '+' : ''}${d.clockDriftSec} s (${d.clockDriftBasis ?? ''})`);
  println(out, '');
  const flagsOf = (i: IngestItemDto) => (i.flags.length ? i.flags.join(',') : '-');
  const flagsWidth = Math.max(5, ...d.items.map((i) => flagsOf(i).length));
  println(out, ['OUTCOME  ', 'DURATION', 'AUDIO', 'FLAGS'.padEnd(flagsWidth), 'SHA-256'.padEnd(64), 'FILE -> STORED AS'].join('  '));
  for (const i of d.items) {
    if (i.outcome === 'failed') {
      println(out, text`${'FAILED'.padEnd(9)}  ${i.relPath}: ${i.message ?? ''}`);
      continue;
    }
    const duration = i.durationSec !== null ? `${i.durationSec.toFixed(1)} s` : '-';
    const audio = i.hasAudio === null ? '-' : i.hasAudio ? 'yes' : 'no';
    println(out, [i.outcome.padEnd(9), duration.padStart(8), audio.padEnd(5), flagsOf(i).padEnd(flagsWidth), (i.sha256 ?? '').padEnd(64), text`${i.relPath} -> ${i.storedPath ?? '?'}`].join('  '));
  }
  println(out, '');
  println(out, `${d.items.length} file(s): ${d.filesStored} stored (${formatBytes(d.bytesStored)}), ${d.filesDuplicate} already in the archive, ${d.filesFailed} failed`);
  if (d.error) println(out, text`PROBLEM: ${d.error}`);
  const failed = d.items.filter((i) => i.outcome === 'failed');
  for (const i of failed) println(out, text`PROBLEM: not stored: ${i.relPath}`);
  if (!failed.length && d.status === 'completed') println(out, 'OK: every file is in the archive');
}

/**
 * Takes a source folder (a docked recorder or any folder) into the archive as the logged-in custodian,
 * through the same API call as the window: verified copies, one audited row per original, signed day
 * manifests. Recorder and officer come from the options or else from what the scan read on the volume.
 */
export async function ingestCommand(argv: string[], env: CliEnv): Promise<number> {
  const { archive, values } = parseArchiveArgs(argv, { source: STRING, user: STRING, officer: STRING, recorder: STRING, 'new-recorder': FLAG });
  const sourceDir = path.resolve(requireOption(values, 'source'));
  const user = requireOption(values, 'user');
  requireArchive(archive);
  if (!statSync(sourceDir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`source folder not found: ${sourceDir}`);
  const json = values.json;
  const say = (line: string) => {
    if (!json) println(env.stderr, line);
  };

  const printProgress = progressPrinter(env.stderr);
  const emit: HostCapabilities['emit'] = (_target, event, payload) => {
    if (!json && event === 'ingest.progress') printProgress(payload as EventPayload<'ingest.progress'>);
  };
  const password = await readPassword(`password for ${user}: `, env);
  const cli = new CliSession(archive, env, { emit });
  let cancel: (() => void) | null = null;
  try {
    await cli.call('session.login', { login: user, password });
    const source = cli.services.sources.addFolder(sourceDir);
    const scan = await cli.call('ingest.scan', { sourceId: source.id });
    const recorderSerial = values.recorder ?? scan.recorderSerial;
    const officerBadge = values.officer ?? scan.badgeNo;
    say(text`${sourceDir}: ${scan.files.length} file(s), ${formatBytes(scan.totalBytes)}, ${scan.skipped} skipped; ${scan.recorderVolume ? 'recorder volume' : 'folder'}`);
    say(text`recorder ${recorderSerial ?? '(unknown)'}${values.recorder ? '' : scan.recorderSerial ? ' (read from the volume)' : ''}, officer ${officerBadge ?? '(unknown)'}${values.officer ? '' : scan.badgeNo ? ' (read from the volume)' : ''}`);
    for (const p of scan.problems) say(text`warning: cannot read ${p.relPath}: ${p.message}`);

    // A serial read from the volume names itself; a typed one registers a new recorder only with --new-recorder.
    const confirmNewRecorder = !values.recorder || values['new-recorder'];
    const { sessionId } = await cli.call('ingest.start', { sourceId: source.id, recorderSerial, officerBadge, confirmNewRecorder });
    // Ctrl-C cancels like the window's cancel button: what is stored stays, a rerun skips it.
    cancel = () => {
      say('cancelling…');
      void cli.call('ingest.cancel', { sessionId }).catch(() => undefined);
    };
    process.once('SIGINT', cancel);
    await cli.services.jobs.get(`ingest:${sessionId}`)?.done;
    const detail = await cli.call('ingest.session', { id: sessionId });
    await cli.call('session.logout', {});
    if (detail.status === 'running') throw new AppError('INGEST_ABORTED', `导入（第 ${sessionId} 次）未完成即停止，请查看日志`, `ingest session ${sessionId} stopped without finishing; see the log`);

    const problems = detail.status !== 'completed' || detail.filesFailed > 0;
    if (json) {
      println(env.stdout, 
        JSON.stringify(
          {
            archive: cli.services.archive.root,
            source: sourceDir,
            sessionId: detail.id,
            status: detail.status,
            message: detail.error,
            recorderSerial: detail.recorderSerial,
            officer: detail.handedOverBy ? { name: detail.handedOverBy.name, badgeNo: detail.handedOverBy.badgeNo } : null,
            receivedBy: detail.receivedBy,
            clockDriftSec: detail.clockDriftSec,
            filesTotal: detail.filesTotal,
            stored: detail.filesStored,
            duplicates: detail.filesDuplicate,
            failed: detail.filesFailed,
            bytesStored: detail.bytesStored,
            ok: !problems,
            files: detail.items.map(fileJson),
          },
          null,
          2,
        ),
      );
    } else {
      printTable(env.stdout, detail, sourceDir);
    }
    return problems ? EXIT_PROBLEMS : EXIT_OK;
  } finally {
    if (cancel) process.removeListener('SIGINT', cancel);
    cli.close();
  }
}
