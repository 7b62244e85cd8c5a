// Child process for tests/unit/ingest/scan.test.ts: scans a folder and prints the ScanResult as JSON, so the
// scan can run under withoutReadOverride() (tests/support/unprivileged.ts).
//
//   node --import tsx tests/support/scan-source.ts FOLDER
import { scanSource } from '../../main/ingest';

const folder = process.argv[2];
if (!folder) throw new Error('usage: scan-source.ts FOLDER');
process.stdout.write(JSON.stringify(await scanSource(folder)));
