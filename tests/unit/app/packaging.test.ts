import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The packaged app's fuses (issue 10 item 7), read by electron-builder's own config loader and checked against its
 * own schema, so a misspelt key fails here instead of being ignored by the build.
 */
describe('electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(process.cwd(), null, null);
    await validateConfiguration(config, new DebugLogger(false));
  });

  it.each([
    // Nothing can run the packaged binary as plain Node, pass it Node options or attach an inspector.
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    // The app's code is only ever the signed app.asar, checked against its embedded hash.
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
  ] as const)('sets the %s fuse to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('packs the app into app.asar (the integrity fuses check nothing otherwise)', () => {
    expect(config.asar).not.toBe(false);
  });
});
