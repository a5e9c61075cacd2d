import { isRemoteFilePath, isSafeLinkTarget, isWebUrl } from '../../../src/core/text/safe-link';

describe('links made from export data', () => {
  it.each([
    ['https://arxiv.org/abs/2201.11903', true],
    ['http://example.org/a', true],
    ['mailto:someone@example.org', true],
    ['zotero://open-pdf/library/items/ABCD2345', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html;base64,PHNjcmlwdD4=', false],
    ['file:///home/me/a.pdf', false],
    ['file://attacker.example/share/paper.pdf', false],
    ['vbscript:msgbox', false],
    ['obsidian://open?vault=x', false],
    ['ftp://example.org/a.pdf', false],
    ['relative/path.pdf', false],
  ])('%s may be a link target from export data: %s', (url, safe) => {
    expect(isSafeLinkTarget(url)).toBe(safe);
  });

  it('takes only http(s) URLs as web addresses', () => {
    expect(isWebUrl('https://doi.org/10.1/x')).toBe(true);
    expect(isWebUrl('ftp://example.org')).toBe(false);
    expect(isWebUrl('https://')).toBe(false);
  });

  it.each([
    ['\\\\attacker.example\\share\\paper.pdf', true],
    ['//attacker.example/share/paper.pdf', true],
    ['file://attacker.example/share/paper.pdf', true],
    ['file://localhost/home/me/a.pdf', false],
    ['file:///home/me/a.pdf', false],
    ['/home/me/Zotero/storage/AB/a.pdf', false],
    ['C:\\Users\\me\\a.pdf', false],
  ])('%s is on another computer: %s', (path, remote) => {
    expect(isRemoteFilePath(path)).toBe(remote);
  });
});
