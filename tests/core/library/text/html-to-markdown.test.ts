import { htmlToMarkdown } from '../../../../src/core/library/text/html-to-markdown';

describe('htmlToMarkdown', () => {
  it('turns paragraphs into blank-line separated blocks', () => {
    expect(htmlToMarkdown('<p>27/03/16 - overview</p>\n<p>This paper is of great importance.</p>')).toBe('27/03/16 - overview\n\nThis paper is of great importance.');
  });

  it('marks bold, italic, strike and code, keeping spaces outside the markers', () => {
    expect(htmlToMarkdown('<p>A <strong>bold </strong>and <em>italic</em>, <b>b</b><i> i</i> <s>gone</s> <code>x()</code></p>')).toBe(
      'A **bold** and *italic*, **b** *i* ~~gone~~ `x()`',
    );
  });

  it('writes links, headings, line breaks and entities', () => {
    expect(htmlToMarkdown('<h1>Summary</h1><p>See <a href="https://arxiv.org/abs/1401.2910">the paper</a><br>next line &amp; more&nbsp;&#8211; end</p>')).toBe(
      '# Summary\n\nSee [the paper](https://arxiv.org/abs/1401.2910)\nnext line & more – end',
    );
  });

  it('writes nested and ordered lists', () => {
    const html = '<ul><li>one</li><li>two<ol><li>first</li><li>second</li></ol></li></ul><p>after</p>';
    expect(htmlToMarkdown(html)).toBe('- one\n- two\n    1. first\n    2. second\n\nafter');
  });

  it('quotes blockquotes and fences preformatted text', () => {
    expect(htmlToMarkdown('<blockquote><p>quoted</p><p>twice</p></blockquote><pre>a  b\n c</pre>')).toBe('> quoted\n>\n> twice\n\n```\na  b\n c\n```');
  });

  it('drops unknown wrappers and scripts, keeps their text', () => {
    expect(htmlToMarkdown('<div data-schema-version="8"><p><span style="color:red">Issue: 3</span></p></div><script>alert(1)</script>')).toBe('Issue: 3');
    expect(htmlToMarkdown('plain text, no tags')).toBe('plain text, no tags');
  });
});
