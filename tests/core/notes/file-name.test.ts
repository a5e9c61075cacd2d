import fc from 'fast-check';
import { allocateNotePaths, allocateNotePathsAmong, noteFileName, sanitizeFileName, takenPathKeys, type FileNameContext } from '../../../src/core/notes/file-name';
import { TemplateError } from '../../../src/core/notes/template';
import { defaultSettings, type Settings } from '../../../src/core/settings/settings';
import type { Paper } from '../../../src/core/library/paper';
import { readFixture } from '../../support/fixtures';
import { senBV } from './golden-papers';

const IMPORT = new Date(Date.UTC(2025, 8, 30, 21, 14, 40));
function ctx(settings: Partial<Settings> = {}): FileNameContext {
  return { settings: { ...defaultSettings(), ...settings }, importDate: IMPORT, language: 'en' };
}
function withKey(citekey: string, title = 'T'): Paper {
  return { ...senBV().paper, citekey, title, zoteroUri: `zotero://select/items/@${citekey}` };
}
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('sanitizeFileName', () => {
  it('neutralises hostile citekeys', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(sanitizeFileName('a/b')).toBe('a_b');
    expect(sanitizeFileName('a\\b')).toBe('a_b');
    expect(sanitizeFileName(':')).toBe('_');
    expect(sanitizeFileName('deKort:2007:DigitalGamesSocial')).toBe('deKort_2007_DigitalGamesSocial');
    expect(sanitizeFileName('')).toBe('untitled');
    expect(sanitizeFileName(' . .. ')).toBe('untitled');
    expect(sanitizeFileName('.hidden')).toBe('hidden');
    expect(sanitizeFileName('name. . ')).toBe('name');
    expect(sanitizeFileName('a*b?c"d<e>f|g')).toBe('a_b_c_d_e_f_g');
    expect(sanitizeFileName('link#^[x]|y')).toBe('link___x__y');
    expect(sanitizeFileName('tab\tnew\nline\u0000nul\u007f')).toBe('tab new line nul');
    expect(sanitizeFileName('😀🎉 emoji')).toBe('😀🎉 emoji');
    expect(sanitizeFileName('多模态综述')).toBe('多模态综述');
  });

  it('renames Windows device names, any case, with or without extension', () => {
    expect(sanitizeFileName('con')).toBe('con_');
    expect(sanitizeFileName('CON')).toBe('CON_');
    expect(sanitizeFileName('CON.txt')).toBe('CON_.txt');
    expect(sanitizeFileName('nul.tar.gz')).toBe('nul_.tar.gz');
    expect(sanitizeFileName('Com1')).toBe('Com1_');
    expect(sanitizeFileName('lpt9.md')).toBe('lpt9_.md');
    expect(sanitizeFileName('console')).toBe('console');
    expect(sanitizeFileName('com10')).toBe('com10');
  });

  it('caps the length in bytes without splitting characters', () => {
    expect(sanitizeFileName('a'.repeat(300))).toBe('a'.repeat(200));
    const cjk = sanitizeFileName('汉'.repeat(100)); // 3 bytes each
    expect(cjk).toBe('汉'.repeat(66));
    const emoji = sanitizeFileName('x' + '😀'.repeat(80)); // 4 bytes each, surrogate pairs
    expect(bytes(emoji)).toBe(197);
    expect(emoji.endsWith('😀')).toBe(true);
    const family = sanitizeFileName('y'.repeat(190) + '👨‍👩‍👧'); // 18-byte ZWJ sequence does not fit
    expect(family).toBe('y'.repeat(190));
  });

  it('always gives one safe, non-empty segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 260 }), (s) => {
        const name = sanitizeFileName(s);
        expect(name.length).toBeGreaterThan(0);
        expect(bytes(name)).toBeLessThanOrEqual(201);
        expect(name).not.toMatch(/[/\\:*?"<>|#^[\]]/);
        expect([...name].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
        expect(name).not.toMatch(/^[.\s]|[.\s]$/);
        expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
        expect(name).not.toMatch(/[\ud800-\udbff]$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('noteFileName', () => {
  it('renders the file-name template', () => {
    expect(noteFileName(withKey('Sen.2016.BV'), ctx())).toBe('Sen.2016.BV');
    expect(noteFileName(withKey('k', 'A: B/C?'), ctx({ fileNameTemplate: '{{year}} - {{title}}' }))).toBe('2016 - A_ B_C_');
    expect(noteFileName(withKey('k'), ctx({ fileNameTemplate: '@{{citekey}}' }))).toBe('@k');
  });

  it('falls back to the citekey, then to "untitled"', () => {
    expect(noteFileName(withKey('key1', ''), ctx({ fileNameTemplate: '{{title}}' }))).toBe('key1');
    expect(noteFileName(withKey('', ''), ctx({ fileNameTemplate: '{{title}}' }))).toBe('untitled');
  });

  it('reports a bad file-name template', () => {
    expect(() => noteFileName(withKey('k'), ctx({ fileNameTemplate: '{{citekey' }))).toThrow(TemplateError);
    expect(() => noteFileName(withKey('k'), ctx({ fileNameTemplate: '{{citeky}}' }))).toThrow('file name template, line 1: "citeky" is not a template variable');
  });
});

describe('allocateNotePaths', () => {
  it('keeps every hostile citekey inside the notes folder', () => {
    const keys = ['../../etc/passwd', 'a/b', 'con', 'CON.txt', ':', '', 'x'.repeat(300), '😀', '/abs/path', 'C:\\Windows\\x', '..', '.', '\\\\srv\\share'];
    const paths = allocateNotePaths(keys.map((k) => withKey(k)), [], ctx());
    for (const p of paths) {
      expect(p).toMatch(/^Literature\/[^/]+\.md$/);
      expect(p.split('/')).not.toContain('..');
    }
    expect(paths.slice(0, 8)).toEqual([
      'Literature/_.._etc_passwd.md',
      'Literature/a_b.md',
      'Literature/con_.md',
      'Literature/CON_.txt.md',
      'Literature/_.md',
      'Literature/untitled.md',
      `Literature/${'x'.repeat(200)}.md`,
      'Literature/😀.md',
    ]);
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
  });

  it('gives colliding names distinct paths, case-insensitively, against existing files too', () => {
    const papers = [withKey('smith2020'), withKey('Smith2020'), withKey('liu2022'), withKey('SMITH2020')];
    const paths = allocateNotePaths(papers, ['Literature/liu2022.md', 'Other/smith2020.md'], ctx());
    // Served in citekey order: SMITH2020 < Smith2020 < smith2020.
    expect(paths).toEqual(['Literature/smith2020 (3).md', 'Literature/Smith2020 (2).md', 'Literature/liu2022 (2).md', 'Literature/SMITH2020.md']);
  });

  it('handles the case-colliding keys of BBT #2720 with a title template', () => {
    const text = readFixture('bbt/citekey-case-collision-2720.biblatex.bib');
    expect(text).toContain('@inproceedings{liu2022,');
    expect(text).toContain('@inproceedings{Liu2022a,');
    const papers = [withKey('liu2022', 'A ConvNet for the 2020s'), withKey('Liu2022a', 'A ConvNet for the 2020s')];
    expect(allocateNotePaths(papers, [], ctx())).toEqual(['Literature/liu2022.md', 'Literature/Liu2022a.md']);
    expect(allocateNotePaths(papers, [], ctx({ fileNameTemplate: '{{title}}' }))).toEqual(['Literature/A ConvNet for the 2020s (2).md', 'Literature/A ConvNet for the 2020s.md']);
  });

  it('is deterministic and independent of the papers order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'A', 'b', 'B', 'a.', 'a/', 'a:', 'con', 'CON'), { maxLength: 8 }), (keys) => {
        const papers = keys.map((k) => withKey(k));
        const once = allocateNotePaths(papers, ['Literature/a.md'], ctx());
        expect(allocateNotePaths(papers, ['Literature/a.md'], ctx())).toEqual(once);
        const reversed = allocateNotePaths([...papers].reverse(), ['Literature/a.md'], ctx()).reverse();
        // Same citekeys get the same set of paths; distinct citekeys keep their own path.
        expect([...reversed].sort()).toEqual([...once].sort());
        expect(new Set(once.map((p) => p.toLowerCase())).size).toBe(once.length);
        expect(once.map((p) => p.toLowerCase())).not.toContain('literature/a.md');
      }),
    );
  });

  it('uses the notes folder from the settings', () => {
    expect(allocateNotePaths([withKey('k')], [], ctx({ notesFolder: 'Papers/Lit/' }))).toEqual(['Papers/Lit/k.md']);
  });

  it('gives the same paths from existing paths taken as keys beforehand, with pauses, and leaves those keys alone', async () => {
    const existing = ['Literature/A.md', 'Literature/Ä.md', 'Other/b.md'];
    let pauses = 0;
    const taken = await takenPathKeys(existing, () => void pauses++);
    expect(pauses).toBe(3);
    const papers = ['a', 'A\u0308'.normalize('NFD'), 'b', 'c'].map((k) => withKey(k));
    expect(allocateNotePathsAmong(papers, taken, ctx())).toEqual(allocateNotePaths(papers, existing, ctx()));
    expect(taken.size).toBe(3);
  });
});
