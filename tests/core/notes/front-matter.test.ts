import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  CREATION_ONLY_KEYS,
  DateFormatError,
  frontMatterValues,
  MANAGED_KEYS,
  serializeFrontMatter,
  serializeFrontMatterEntry,
  serializeWithYamlLibrary,
  validateDateFormat,
} from '../../../src/core/notes/front-matter';
import { defaultSettings } from '../../../src/core/settings/settings';
import { FIXTURES_DIR } from '../../support/fixtures';
import { he2015, senBV } from './golden-papers';

const IMPORT = new Date(Date.UTC(2025, 8, 30, 21, 14, 40));
const settings = { ...defaultSettings(), categories: ['NOVA'] };

/** Parse one serialised entry back, under YAML 1.2 (the `yaml` default) or 1.1 (older Obsidian/Hexo readers). */
function readBack(text: string, version: '1.1' | '1.2' = '1.2'): unknown {
  return (parse(text, { version }) as Record<string, unknown>).k;
}

// Strings dense in YAML syntax, so the property explores quoting, not just letters.
const yamlish = fc.string({
  unit: fc.constantFrom(':', ' ', '#', '-', '"', "'", '\n', '\t', '[', ']', '{', '}', '>', '|', '@', '*', '&', '!', '%', '`', ',', '?', '~', '.', '0', '1', 'e', 'y', 'n', 'o', 'x', '\\', '\r', '\u0085', '\u2028', '中', '😀', '\ufeff'),
  maxLength: 30,
});
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), yamlish, fc.constantFrom('yes', 'No', 'on', 'OFF', 'y', 'null', '~', '', '1:20', '0o17', '012', '1e3', '.inf', '2020-01-01', '2025-09-30 21:14:40', '---', '...', '- a', '? x', '@x', '*x', '&x', '!x', 'e1', 'E+5', '<<', '1_000', '0b101', '0x1F', '+.5', '12:30:45'));

describe('serializeFrontMatterEntry', () => {
  it('reads back any string exactly, under YAML 1.2 and YAML 1.1', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const text = serializeFrontMatterEntry('k', s);
        expect(text.endsWith('\n')).toBe(true);
        expect(readBack(text)).toBe(s);
        expect(readBack(text, '1.1')).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back lists of strings, and the line structure stays one top-level block', () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 5 }), (list) => {
        const text = serializeFrontMatterEntry('k', list);
        expect(readBack(text)).toEqual(list);
        // Only the first line starts at column 0: the block cannot end the front matter or start another key.
        expect(text.split('\n').slice(1, -1).every((line) => line === '' || line.startsWith(' '))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes exactly what the yaml library writes (the plain-text shortcut changes nothing)', () => {
    const words = fc.string({ unit: fc.constantFrom('a', 'Z', '中', '_', '/', '1', '.', ':', ' ', '#', '-', '(', ',', "'", '"', 'é', '\t', '\ufeff', 'y', 'e', '\u200b', '\u00a0', '\u0085', '\\', '"', '!', '@', '?', '|', '>', '[', '{', '&', '*', '%', '`', '\n'), maxLength: 12 });
    const value = fc.oneof(anyString, words, fc.array(fc.oneof(anyString, words), { maxLength: 3 }), fc.integer(), fc.double(), fc.constantFrom(-0, 0, 2016, -1, Number.MAX_SAFE_INTEGER + 2), fc.constant(null));
    const key = fc.oneof(fc.constantFrom('title', 'date', 'tags', 'doi', 'y', 'on', 'e1', 'my key', '_x'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(key, value, (k, v) => {
        expect(serializeFrontMatterEntry(k, v)).toBe(serializeWithYamlLibrary(k, v));
      }),
      { numRuns: 3000 },
    );
    for (const [k, v] of [['doi', '10.1007/JHEP02(2016)087'], ['tags', ['_tablet', '特征融合']], ['date', '2025-09-30 21:14:40'], ['date', '2025-09-30'], ['title', 'a\ufeffb'], ['n', 1], ['year', -0], ['year', -12]] as const) {
      expect(serializeFrontMatterEntry(k, v)).toBe(serializeWithYamlLibrary(k, v));
    }
  });

  it('writes plain values the way the survey note does', () => {
    expect(serializeFrontMatterEntry('title', '多模态综述')).toBe('title: 多模态综述\n');
    expect(serializeFrontMatterEntry('date', '2025-09-30 21:14:40')).toBe('date: 2025-09-30 21:14:40\n');
    expect(serializeFrontMatterEntry('categories', ['NOVA'])).toBe('categories:\n  - NOVA\n');
    expect(serializeFrontMatterEntry('tags', [])).toBe('tags: []\n');
    expect(serializeFrontMatterEntry('year', 2016)).toBe('year: 2016\n');
  });

  it('quotes what a YAML 1.1 reader would change, except the date timestamp', () => {
    expect(serializeFrontMatterEntry('title', 'yes')).toBe('title: "yes"\n');
    expect(serializeFrontMatterEntry('title', 'on')).toBe('title: "on"\n');
    expect(serializeFrontMatterEntry('title', '1:20')).toBe('title: "1:20"\n');
    expect(serializeFrontMatterEntry('title', '2025-09-30 21:14:40')).toBe('title: "2025-09-30 21:14:40"\n');
  });

  it('keeps hostile titles exact', () => {
    const titles = [
      'Attention: Is All You Need? # not a comment',
      '---\nlayout: post\n---',
      '"Quoted" and \'single\' and `code`',
      '[not, a, list]',
      '{not: a map}',
      '> folded? | literal?',
      '\tTabbed\ttitle\t',
      '@handle at start',
      '*alias &anchor !tag',
      'line one\nline two\n',
      '  leading and trailing spaces  ',
      'null',
      '12345',
      '%TAG directive',
    ];
    for (const title of titles) {
      const text = serializeFrontMatter({ title, aliases: [title] });
      const m = /^---\n([\s\S]*)---\n$/.exec(text);
      expect(m).not.toBeNull();
      expect(parse(m![1])).toEqual({ title, aliases: [title] });
    }
  });
});

describe('frontMatterValues', () => {
  it('gives the managed keys in order, optional keys without value left out', () => {
    const values = frontMatterValues(he2015().paper, { settings, importDate: IMPORT });
    expect(Object.keys(values)).toEqual(['title', 'date', 'categories', 'tags', 'citekey', 'authors', 'year', 'arxiv', 'zotero', 'aliases']);
    expect(values).toEqual({
      title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
      date: '2025-09-30 21:14:40',
      categories: ['NOVA'],
      tags: ['Computer-Science-Artificial-Intelligence', 'Computer-Science-Computer-Vision-and-Pattern-Recognition', 'Computer-Science-Machine-Learning'],
      citekey: '_preprinthe_delving_deep_into_rectifiers_2015',
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      year: 2015,
      arxiv: 'https://arxiv.org/abs/1502.01852',
      zotero: 'zotero://select/items/@_preprinthe_delving_deep_into_rectifiers_2015',
      aliases: ['Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification'],
    });
  });

  it('uses every managed key for a complete paper', () => {
    const values = frontMatterValues(senBV().paper, { settings, importDate: IMPORT });
    expect(Object.keys(values)).toEqual([...MANAGED_KEYS]);
    expect(values.doi).toBe('10.1007/JHEP02(2016)087');
    expect(values.venue).toBe('Journal of High Energy Physics');
    expect(CREATION_ONLY_KEYS).toEqual(['date', 'categories']);
  });

  it('starts like the survey note', () => {
    const survey = readFileSync(join(FIXTURES_DIR, '..', 'seed', 'survey-note.md'), 'utf8');
    const text = serializeFrontMatter(frontMatterValues({ ...senBV().paper, title: '多模态综述' }, { settings, importDate: IMPORT }));
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(survey.split('\n').slice(0, 5));
  });

  it('formats the import date with the setting and rejects a bad pattern clearly', () => {
    const values = frontMatterValues(senBV().paper, { settings: { ...settings, dateFormat: "yyyy-MM-dd'T'HH:mm" }, importDate: IMPORT });
    expect(values.date).toBe('2025-09-30T21:14');
    expect(() => frontMatterValues(senBV().paper, { settings: { ...settings, dateFormat: 'YYYY-MM-DD' }, importDate: IMPORT })).toThrow(DateFormatError);
    expect(validateDateFormat('YYYY-MM-DD')).toMatch(/Invalid date format "YYYY-MM-DD"/);
    expect(validateDateFormat('yyyy-MM-dd HH:mm:ss')).toBeNull();
    expect(validateDateFormat(' ')).toBe('The date format is empty.');
  });

  it('has no aliases for an empty title', () => {
    expect(frontMatterValues({ ...senBV().paper, title: '' }, { settings, importDate: IMPORT }).aliases).toEqual([]);
  });
});
