import { citationRange, findCitationTrigger, splitCitationQuery, withLocator } from '../../../src/core/citations/cite-while-writing';
import { findCitations } from '../../../src/core/citations/pandoc-citations';
import { scanZones } from '../../../src/core/concepts/markdown-zones';

const TRIGGERS = ['[@', '@@'];
const trigger = (before: string) => findCitationTrigger(before, TRIGGERS);

describe('the citation being typed', () => {
  it('starts at the trigger nearest the cursor and runs to it', () => {
    expect(trigger('As shown [@')).toEqual({ trigger: '[@', start: 9, query: '' });
    expect(trigger('As shown [@attention')).toEqual({ trigger: '[@', start: 9, query: 'attention' });
    expect(trigger('See @@vas')).toEqual({ trigger: '@@', start: 4, query: 'vas' });
    expect(trigger('[@a] and then [@wei, p. 3')).toEqual({ trigger: '[@', start: 14, query: 'wei, p. 3' });
    expect(trigger('多模态 [@多模态')).toEqual({ trigger: '[@', start: 4, query: '多模态' });
    expect(trigger('见@@多模态')).toEqual({ trigger: '@@', start: 1, query: '多模态' }); // no space before it in Chinese
  });

  it('is no citation when a link, a word, code or a closed citation is being typed', () => {
    expect(trigger('[[@wei')).toBeNull(); // a wikilink: Obsidian's own suggester
    expect(trigger('![@x')).toBeNull();
    expect(trigger('mail me@@example')).toBeNull();
    expect(trigger('`code [@x')).toBeNull();
    expect(trigger('`code` [@x')).toEqual({ trigger: '[@', start: 7, query: 'x' });
    expect(trigger('[@ ')).toBeNull();
    expect(trigger('[@wei2022] and more')).toBeNull();
    expect(trigger('[@wei2022; @')).toBeNull();
    expect(trigger(`[@${'x'.repeat(81)}`)).toBeNull();
    expect(findCitationTrigger('[@x', [])).toBeNull();
    expect(findCitationTrigger('cite:x', ['cite:'])).toEqual({ trigger: 'cite:', start: 0, query: 'x' });
  });

  it('splits the search from the locator at the first comma', () => {
    expect(splitCitationQuery('attention')).toEqual({ search: 'attention', locator: null });
    expect(splitCitationQuery('attention, p. 5')).toEqual({ search: 'attention', locator: 'p. 5' });
    expect(splitCitationQuery('attention,  ')).toEqual({ search: 'attention', locator: null });
    expect(splitCitationQuery('wei, ch. 2, sec. 3')).toEqual({ search: 'wei', locator: 'ch. 2, sec. 3' });
  });

  it('replaces the trigger and the query, and the bracket Obsidian closed by itself when the citation closes its own', () => {
    const line = 'As shown [@att] here';
    const found = trigger(line.slice(0, 14))!;
    expect(citationRange(line, found, 14, '[@vaswani2017]')).toEqual({ from: 9, to: 15 });
    expect(citationRange(line, found, 14, '@vaswani2017')).toEqual({ from: 9, to: 15 }); // its "[" is replaced: the "]" goes too
    expect(citationRange(line, found, 14, '[see @vaswani2017')).toEqual({ from: 9, to: 14 }); // it closes what the citation opens
    const noPair = 'As shown [@att';
    expect(citationRange(noPair, trigger(noPair)!, 14, '[@vaswani2017]')).toEqual({ from: 9, to: 14 });
    const at = 'See @@vas]';
    expect(citationRange(at, trigger('See @@vas')!, 9, '[@vaswani2017]')).toEqual({ from: 4, to: 9 });
  });
});

describe('a locator in a rendered citation', () => {
  /** What Pandoc's syntax (our reader of it) makes of a citation. */
  const read = (text: string) => findCitations(text, scanZones(text)).map((c) => [c.key, c.form]);

  it('goes after the key inside brackets, and in brackets after an author-in-text citation', () => {
    expect(withLocator('[@wei2022]', 'wei2022', 'p. 33')).toBe('[@wei2022, p. 33]');
    expect(withLocator('[see @wei2022]', 'wei2022', 'ch. 4')).toBe('[see @wei2022, ch. 4]');
    expect(withLocator('[-@wei2022]', 'wei2022', 'p. 3')).toBe('[-@wei2022, p. 3]');
    expect(withLocator('@wei2022', 'wei2022', 'p. 33')).toBe('@wei2022 [p. 33]');
    expect(withLocator('[@{odd key}]', 'odd key', '12')).toBe('[@{odd key}, 12]');
    expect(read(withLocator('[@wei2022]', 'wei2022', 'p. 33'))).toEqual([['wei2022', 'bracketed']]);
    expect(read(withLocator('@wei2022', 'wei2022', 'p. 33'))).toEqual([['wei2022', 'in-text']]);
  });

  it('finds the key itself, not a longer key that starts like it', () => {
    expect(withLocator('[@wei2022a; @wei2022]', 'wei2022', 'p. 1')).toBe('[@wei2022a; @wei2022, p. 1]');
  });

  it('goes after what is not a Pandoc citation, and nowhere when there is none', () => {
    expect(withLocator('[[@wei2022]]', 'wei2022', 'p. 33')).toBe('[[@wei2022]] [p. 33]');
    expect(withLocator('Wei (2022)', 'wei2022', 'p. 33')).toBe('Wei (2022) [p. 33]');
    expect(withLocator('[@wei2022]', 'wei2022', null)).toBe('[@wei2022]');
    expect(withLocator('[@wei2022]', 'wei2022', '  ')).toBe('[@wei2022]');
  });
});
