import { describe, expect, it } from 'vitest';
import { allowNavigation, isTrustedRendererUrl } from '../../../main/app/policy';

const INDEX = 'file:///opt/app/resources/app.asar/out/renderer/index.html';

describe('Electron shell policy', () => {
  it.each([
    ['our renderer', INDEX, true],
    ['our renderer with a hash route', `${INDEX}#/audit`, true],
    ['another local file', 'file:///tmp/evil.html', false],
    ['a web page', 'https://example.com/', false],
    ['a data URL', 'data:text/html,<script>1</script>', false],
    ['javascript URL', 'javascript:alert(1)', false],
    ['empty', '', false],
    ['garbage', 'not a url', false],
  ])('IPC sender %s → %s', (_n, url, ok) => {
    expect(isTrustedRendererUrl(url, INDEX)).toBe(ok);
  });

  it('trusts the dev server only when one is configured', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', INDEX, 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', INDEX)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5174/', INDEX, 'http://localhost:5173')).toBe(false);
  });

  it.each(['https://example.com', 'file:///etc/passwd', 'evidence://media/1', INDEX])('never navigates to %s', (url) => {
    expect(allowNavigation(url)).toBe(false);
  });
});
