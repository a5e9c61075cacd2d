import { attachmentLinks, attachmentUrl, displayName, primaryAttachment, resolveSummary, shortAuthorList } from '../../../src/core/notes/paper-format';
import { headingsFor, resolveNoteLanguage } from '../../../src/core/notes/i18n';

describe('displayName', () => {
  it('reads "Family, Given" as "Given Family", CJK without a space', () => {
    expect(displayName('Rønnow, Troels F.')).toBe('Troels F. Rønnow');
    expect(displayName('de Kort, Yvonne A. W.')).toBe('Yvonne A. W. de Kort');
    expect(displayName('林, 秀贞')).toBe('林秀贞');
    expect(displayName('肖, 发民')).toBe('肖发民');
    expect(displayName('樋口, 直人')).toBe('樋口直人');
    expect(displayName('东方不败')).toBe('东方不败');
    expect(displayName('Wiley InterScience (Online service)')).toBe('Wiley InterScience (Online service)');
    expect(displayName('King, Jr., Martin Luther')).toBe('Martin Luther King Jr.');
    expect(displayName('Li, Wei Zhang')).toBe('Wei Zhang Li');
  });

  it('shortens long author lists', () => {
    expect(shortAuthorList(['A, a', 'B, b', 'C, c'], 'et al.')).toBe('a A, b B, c C');
    expect(shortAuthorList(['A, a', 'B, b', 'C, c', 'D, d'], '等')).toBe('a A, b B, c C 等');
    expect(shortAuthorList([], 'et al.')).toBe('');
  });
});

describe('attachmentUrl', () => {
  it('turns absolute paths into file:/// URLs with %20 for spaces', () => {
    expect(attachmentUrl('/Users/me/Zotero/storage/AB12CD/Vaswani et al. 2017.pdf')).toBe('file:///Users/me/Zotero/storage/AB12CD/Vaswani%20et%20al.%202017.pdf');
    expect(attachmentUrl('C:\\Users\\me\\Zotero\\storage\\AB CD\\paper (1).pdf')).toBe('file:///C:/Users/me/Zotero/storage/AB%20CD/paper%20%281%29.pdf');
    expect(attachmentUrl('D:/论文/多模态 综述.pdf')).toBe('file:///D:/%E8%AE%BA%E6%96%87/%E5%A4%9A%E6%A8%A1%E6%80%81%20%E7%BB%BC%E8%BF%B0.pdf');
    // A file on another computer is never linked: one click would open a network share (and leak credentials).
    expect(attachmentUrl('\\\\server\\share\\a b.pdf')).toBeNull();
    expect(attachmentUrl('file://server/share/a.pdf')).toBeNull();
    expect(attachmentUrl('javascript:alert(1)')).toBeNull();
    expect(attachmentUrl('file:///home/me/a.pdf')).toBe('file:///home/me/a.pdf');
    expect(attachmentUrl('/tmp/a#b?.pdf')).toBe('file:///tmp/a%23b%3F.pdf');
  });

  it('keeps URLs and encodes what breaks a Markdown link', () => {
    expect(attachmentUrl('https://arxiv.org/pdf/2503.06063')).toBe('https://arxiv.org/pdf/2503.06063');
    expect(attachmentUrl('https://example.org/a b (draft).pdf')).toBe('https://example.org/a%20b%20%28draft%29.pdf');
  });

  it('encodes relative paths without a scheme', () => {
    expect(attachmentUrl('~\\BBTTEST\\storage\\Baltes_Staudinger_2000_Wisdom.pdf')).toBe('~/BBTTEST/storage/Baltes_Staudinger_2000_Wisdom.pdf');
    expect(attachmentUrl('attachments/My paper.pdf')).toBe('attachments/My%20paper.pdf');
  });

  it('picks the first PDF for the PDF link', () => {
    const links = attachmentLinks({ attachments: ['https://example.org/page', '', 'C:\\a\\Paper.PDF', '/b/other.pdf'] });
    expect(links.map((l) => [l.name, l.isPdf])).toEqual([['https://example.org/page', false], ['Paper.PDF', true], ['other.pdf', true]]);
    expect(primaryAttachment(links)?.url).toBe('file:///C:/a/Paper.PDF');
    expect(primaryAttachment(attachmentLinks({ attachments: ['/x/notes.html'] }))?.name).toBe('notes.html');
    expect(primaryAttachment([])).toBeNull();
  });
});

describe('resolveSummary', () => {
  const paper = { abstract: 'The abstract.\n', notes: ['', '  \n', 'First note.\r\nSecond line.'] };
  it('uses the abstract, or the first non-empty note when asked, falling back to the abstract', () => {
    expect(resolveSummary(paper, 'abstract')).toBe('The abstract.');
    expect(resolveSummary(paper, 'first-note')).toBe('First note.\nSecond line.');
    expect(resolveSummary({ abstract: 'A', notes: [] }, 'first-note')).toBe('A');
    expect(resolveSummary({ abstract: '  ', notes: [] }, 'abstract')).toBeNull();
  });

  it('is the abstract only by default, never a note (notes have their own section)', () => {
    expect(resolveSummary({ abstract: null, notes: ['', '本文提出了 OmniSearch。'] }, 'abstract')).toBeNull();
    expect(resolveSummary({ abstract: ' \n', notes: ['Note.'] }, 'abstract')).toBeNull();
  });
});

describe('headings language', () => {
  it('resolves auto from the app language', () => {
    expect(resolveNoteLanguage('auto', 'zh')).toBe('zh');
    expect(resolveNoteLanguage('auto', 'zh-TW')).toBe('zh');
    expect(resolveNoteLanguage('auto', 'zh_CN')).toBe('zh');
    expect(resolveNoteLanguage('auto', 'en')).toBe('en');
    expect(resolveNoteLanguage('auto', 'ja')).toBe('en');
    expect(resolveNoteLanguage('auto', 'zhx')).toBe('en');
    expect(resolveNoteLanguage('auto', undefined)).toBe('en');
    expect(resolveNoteLanguage('zh', 'en')).toBe('zh');
    expect(resolveNoteLanguage('en', 'zh')).toBe('en');
  });

  it('has the survey note labels in Chinese', () => {
    const zh = headingsFor('zh');
    expect([zh.summary, zh.notes, zh.openInZotero, `${zh.tags}${zh.colon}`]).toEqual(['摘要', '笔记', '在 Zotero 中打开', 'tags：']);
    const en = headingsFor('en');
    expect([en.summary, en.notes, en.openInZotero, `${en.tags}${en.colon}`]).toEqual(['Summary', 'Notes', 'Open in Zotero', 'tags: ']);
  });
});
