/** The example library the demo syncs: both exports read cleanly and carry what the demo shows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLibrary } from '../../../src/core/library/read-library';

const read = (name: string) => readLibrary(readFileSync(join(__dirname, '../../../example', name), 'utf8'));

describe('example library', () => {
  const json = read('library.json');
  const bib = read('library.bib');

  it('reads both exports without errors or warnings, the same papers, summaries in the JSON export', () => {
    for (const result of [json, bib]) {
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.papers).toHaveLength(15);
    }
    expect(json.papers.map((p) => [p.citekey, p.title, p.arxiv, p.authors])).toEqual(bib.papers.map((p) => [p.citekey, p.title, p.arxiv, p.authors]));
    expect(json.papers.every((p) => p.abstract !== null && p.abstract.length > 20)).toBe(true);
  });

  it('has collections, annotations of every kind and Zotero notes with resolved citations', () => {
    expect(json.collections!.filter((c) => c.parent !== null)).toHaveLength(5);
    expect(json.papers.filter((p) => p.annotations.length > 0).map((p) => p.citekey)).toEqual([
      'ouyangTrainingLanguageModels2022',
      'weiChainofthoughtPromptingElicits2022',
      'liuVisualInstructionTuning2023',
      'lewisRetrievalaugmentedGenerationKnowledgeintensive2020',
    ]);
    expect(new Set(json.papers.flatMap((p) => p.annotations.map((a) => a.type)))).toEqual(new Set(['highlight', 'underline', 'image', 'note']));
    const yin = json.papers.find((p) => p.citekey === 'yinSurveyMultimodalLarge2024')!;
    expect(yin.notes[0]).toContain('[@liuVisualInstructionTuning2023, p. 4]');
    expect(json.papers.every((p) => Object.values(p.attachmentLinks).every((l) => l.startsWith('zotero://open-pdf/library/items/')))).toBe(true);
  });
});
