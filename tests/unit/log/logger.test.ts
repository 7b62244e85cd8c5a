import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../main/log';
import { tempDir } from '../../support/services';

describe('file logger', () => {
  it('writes JSON lines, redacts secrets and rotates by size', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir, maxBytes: 2000, keep: 2 });
    log.info('login attempt', { login: 'admin', password: 'hunter2', nested: { privateKeyPem: 'KEY' } });
    const first = readFileSync(path.join(dir, 'evidence.log'), 'utf8');
    expect(first).toContain('"login":"admin"');
    expect(first).not.toContain('hunter2');
    expect(first).not.toContain('KEY');
    for (let i = 0; i < 100; i++) log.info('filler line', { i, text: 'x'.repeat(50) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['evidence.1.log', 'evidence.2.log', 'evidence.log']);
  });
});
