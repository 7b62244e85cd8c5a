// Issue 11, item 15: after playback ends, Space does not start a new viewing; replaying is deliberate (the button).
import { describe, expect, it } from 'vitest';
import { spaceToggles } from '../../../renderer/src/components/player/engine';

describe('Space in the player', () => {
  it('pauses and resumes during playback', () => {
    expect(spaceToggles({ ended: false })).toBe(true);
  });
  it('does nothing once the recording has ended', () => {
    expect(spaceToggles({ ended: true })).toBe(false);
  });
});
