import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/cli/args';
import { parseAnchors } from '../../../main/cli/commands/verify';

const H = 'AB'.repeat(32);

describe('verify --anchor / --anchor-seal (values from the paper weekly report)', () => {
  it('reads row anchors as SEQ:HASH and seal anchors as a hash, lower-cased', () => {
    expect(parseAnchors([`42:${H}`, ` 7:${'c'.repeat(64)} `], [H])).toEqual({
      anchors: [
        { seq: 42, hash: H.toLowerCase() },
        { seq: 7, hash: 'c'.repeat(64) },
      ],
      sealAnchors: [H.toLowerCase()],
    });
    expect(parseAnchors()).toEqual({});
  });

  it.each([['42'], [`x:${H}`], [`42:${H.slice(2)}`], [`42:${H}00`], [`-1:${H}`], [`42 ${H}`]])('refuses --anchor %s as a usage error', (bad) => {
    expect(() => parseAnchors([bad])).toThrow(UsageError);
  });

  it.each([['abc'], [`${H}0`], [`42:${H}`]])('refuses --anchor-seal %s as a usage error', (bad) => {
    expect(() => parseAnchors([], [bad])).toThrow(UsageError);
  });
});
