/**
 * Annotations and notes read from a BetterBibTeX JSON export whose notes are Zotero's own note HTML (schema 9), as
 * "Add Note from Annotations" writes them: highlight, underline, image and note annotations in several colours, a
 * comment in Chinese, a group-library attachment, and a user's note with citations (fixtures/annotations.bbt.json).
 */
import { readZoteroNote } from '../../../../src/core/library/zotero-notes/note-annotations';
import { annotatedPaper } from './annotation-fixture';

const wei = annotatedPaper('weiChainofthoughtPromptingElicits2022');
const lewis = annotatedPaper('lewisRetrievalaugmentedGeneration2020');
const noLookup = () => null;

describe('annotations from Zotero note HTML', () => {
  it('reads every annotation of the note, in document order', () => {
    expect(wei.annotations.map((a) => [a.type, a.key, a.colorName, a.page])).toEqual([
      ['highlight', 'YLW4H8TQ', 'yellow', '1'],
      ['underline', 'RED7U2NB', 'red', '3'],
      ['highlight', 'GRN5K9WD', 'green', '4'],
      ['image', 'BLU3M6XZ', 'blue', '6'],
      ['note', 'N7F95CF9', null, '8'],
      ['highlight', 'MAG2P7LC', 'magenta', 'iv'],
    ]);
  });

  it('reads a highlight field by field', () => {
    expect(wei.annotations[0]).toEqual({
      type: 'highlight',
      text: 'Chain of thought, a series of intermediate reasoning steps, significantly improves the ability of large language models to perform complex reasoning.',
      comment: '',
      color: '#ffd400',
      colorName: 'yellow',
      page: '1',
      key: 'YLW4H8TQ',
      attachmentKey: 'P3DHX7KQ',
      // The page in the link is the 1-based page index (pageIndex 0), the label stays in `page`.
      link: 'zotero://open-pdf/library/items/P3DHX7KQ?page=1&annotation=YLW4H8TQ',
    });
  });

  it('keeps a Chinese comment with its formatting, and the text of an underline without Zotero’s quotation marks', () => {
    expect(wei.annotations[1]).toMatchObject({
      type: 'underline',
      text: 'chain-of-thought prompting is an emergent ability of model scale',
      comment: '关键结论：**小模型**用思维链反而更差，这和 ICL 的规律一致。',
      color: '#ff6666',
      link: 'zotero://open-pdf/library/items/P3DHX7KQ?page=3&annotation=RED7U2NB',
    });
    expect(wei.annotations[2].text).toBe('standard prompting\nversus *chain-of-thought* prompting');
  });

  it('reads an image annotation (the image itself is not in the export) and a note annotation', () => {
    expect(wei.annotations[3]).toEqual({
      type: 'image',
      text: '',
      comment: 'Figure 4: gains grow with model size.',
      color: '#2ea8e5',
      colorName: 'blue',
      page: '6',
      key: 'BLU3M6XZ',
      attachmentKey: 'P3DHX7KQ',
      link: 'zotero://open-pdf/library/items/P3DHX7KQ?page=6&annotation=BLU3M6XZ',
    });
    // A note annotation has no key in the HTML: a stable one is derived; Zotero links its page by label.
    expect(wei.annotations[4]).toEqual({
      type: 'note',
      text: '',
      comment: 'Check the ablation on *equation only* prompting.',
      color: '',
      colorName: null,
      page: '8',
      key: 'N7F95CF9',
      attachmentKey: 'P3DHX7KQ',
      link: 'zotero://open-pdf/library/items/P3DHX7KQ?page=8',
    });
  });

  it('names a colour off Zotero’s palette by the nearest one, and links roman page labels by their index', () => {
    expect(wei.annotations[5]).toMatchObject({ color: '#e56ef0', colorName: 'magenta', page: 'iv', link: 'zotero://open-pdf/library/items/P3DHX7KQ?page=34&annotation=MAG2P7LC' });
  });

  it('links annotations of a group library into that group', () => {
    expect(lewis.annotations.map((a) => [a.key, a.colorName, a.comment, a.link])).toEqual([
      ['GRP6H2VA', 'purple', '检索增强生成：先检索，再生成。', 'zotero://open-pdf/groups/4711/items/GPDF5TXQ?page=2&annotation=GRP6H2VA'],
      ['ORG3T5EW', 'orange', '', 'zotero://open-pdf/groups/4711/items/GPDF5TXQ?page=5&annotation=ORG3T5EW'],
      ['GRY9N4DC', 'gray', '', 'zotero://open-pdf/groups/4711/items/GPDF5TXQ?page=7&annotation=GRY9N4DC'],
    ]);
    expect(lewis.attachmentLinks).toEqual({ '/Users/me/Zotero/storage/GPDF5TXQ/Lewis.pdf': 'zotero://open-pdf/groups/4711/items/GPDF5TXQ' });
  });
});

describe('Zotero notes as Markdown', () => {
  it('keeps only the user’s notes: an annotation-only note appears once, as annotations', () => {
    expect(wei.notes).toHaveLength(1);
    expect(wei.notes[0]).toBe(
      [
        '### Why CoT works',
        '',
        'Few-shot exemplars teach the format [@brownLanguageModelsAre2020, p. 5]; the steps teach the reasoning [@brownLanguageModelsAre2020, chap. 2; @weiChainofthoughtPromptingElicits2022].',
        '',
        '#### Open questions',
        '',
        '- Does it hold for **small** models?',
        '- See [the paper](https://arxiv.org/abs/2201.11903), not this or that.',
        '',
        // Cited, but not in the export: Zotero's readable text stays.
        'Unrelated work (Kojima et al., 2022, p. 12).',
      ].join('\n'),
    );
  });

  it('keeps an annotation note the user wrote into, whole, and still counts its annotations once', () => {
    expect(lewis.notes).toEqual([
      '### Annotations\n\nMy summary: RAG mixes a retriever with a generator.\n\n“retrieval-augmented generation” [@lewisRetrievalaugmentedGeneration2020, p. 2] 检索增强生成：先检索，再生成。\n\n“RAG-Token” [@lewisRetrievalaugmentedGeneration2020, p. 7]',
    ]);
    expect(lewis.annotations.filter((a) => a.key === 'GRP6H2VA')).toHaveLength(1);
  });

  it('shifts headings so that the note’s top heading is ### and none is an H1', () => {
    expect(readZoteroNote('<h1>Title</h1><h2>Part</h2><p>x</p>', noLookup).markdown).toBe('### Title\n\n#### Part\n\nx');
    expect(readZoteroNote('<h3>Deep</h3><h6>Deeper</h6>', noLookup).markdown).toBe('### Deep\n\n###### Deeper');
    expect(readZoteroNote('<h1>A</h1><h6>B</h6>', noLookup).markdown).toBe('### A\n\n###### B');
  });

  it('reads a note of highlights without a title, and a note holding nothing at all', () => {
    const data = encodeURIComponent(JSON.stringify({ attachmentURI: 'http://zotero.org/users/1/items/ABCD2345', annotationKey: 'KEY23456', color: '#ffd400', pageLabel: '2', position: { pageIndex: 1 } }));
    const read = readZoteroNote(`<p><span class="highlight" data-annotation="${data}">“x”</span></p>`, noLookup);
    expect(read.markdown).toBeNull();
    expect(read.annotations.map((a) => [a.key, a.text, a.link])).toEqual([['KEY23456', 'x', 'zotero://open-pdf/library/items/ABCD2345?page=2&annotation=KEY23456']]);
    expect(readZoteroNote('<div data-schema-version="9"><p></p></div>', noLookup)).toEqual({ annotations: [], markdown: null });
  });

  it('treats data-annotation that is not Zotero’s JSON as ordinary text', () => {
    const read = readZoteroNote('<p><span class="highlight" data-annotation="%7Bbroken">kept</span> text</p>', noLookup);
    expect(read).toEqual({ annotations: [], markdown: 'kept text' });
  });
});
