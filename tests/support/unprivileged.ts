// Tests of unreadable files need the permission checks an ordinary user meets. Root passes them all
// (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so as root the code under test runs in a child process whose
// capability bounding set lacks both (setpriv, util-linux); as anyone else it runs as it is.
import { execFileSync } from 'node:child_process';

const SETPRIV = ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'];

/**
 * The command prefix that runs a child process without root's right to read any file: [] when not root,
 * the setpriv prefix as root, or why it cannot be done here (root without a working setpriv).
 */
export function withoutReadOverride(): { prefix: string[] } | { reason: string } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  try {
    execFileSync(SETPRIV[0]!, [...SETPRIV.slice(1), 'true'], { stdio: 'pipe' });
    return { prefix: SETPRIV };
  } catch (e) {
    return { reason: `running as root, and setpriv cannot drop CAP_DAC_OVERRIDE here (${(e as Error).message.split('\n')[0]})` };
  }
}
