import { bibtexNameParts, bibtexNames, displayName } from '../../../../src/core/library/fields/names';

describe('bibtexNames', () => {
  it('reads "Family, Given" lists with LaTeX accents', () => {
    expect(bibtexNames('Bj{\\"o}rnson, Emil and Sanguinetti, Luca')).toEqual(['Björnson, Emil', 'Sanguinetti, Luca']);
    expect(bibtexNames('Brukner, {\\v C}aslav AND Walther, Philip')).toEqual(['Brukner, Časlav', 'Walther, Philip']);
  });

  it('keeps single-field names in braces whole, whatever their script', () => {
    expect(bibtexNames('Kolawa, Adam and {Wiley InterScience (Online service)}')).toEqual(['Kolawa, Adam', 'Wiley InterScience (Online service)']);
    expect(bibtexNames('{{东方不败}}')).toEqual(['东方不败']);
    expect(bibtexNames('{National Aeronautics and Space Administration}')).toEqual(['National Aeronautics and Space Administration']);
  });

  it('writes split CJK names the CJK way, family then given without a separator', () => {
    expect(bibtexNames('肖, 发民')).toEqual(['肖发民']);
    expect(bibtexNames('樋口, 直人')).toEqual(['樋口直人']);
    // A Latin name in a CJK item stays "Family, Given".
    expect(bibtexNames('Smith, John and 林, 秀贞')).toEqual(['Smith, John', '林秀贞']);
  });

  it('reads particles and suffixes', () => {
    expect(bibtexNames('van der Meer, Gerard and King, Jr., Martin Luther')).toEqual(['van der Meer, Gerard', 'King, Martin Luther, Jr.']);
    expect(bibtexNames('Ludwig van Beethoven and Jean de La Fontaine and Donald Knuth')).toEqual([
      'van Beethoven, Ludwig',
      'de La Fontaine, Jean',
      'Knuth, Donald',
    ]);
    expect(bibtexNames('{von Wright}, Georg Henrik and {\\v{C}}aslav Brukner')).toEqual(['von Wright, Georg Henrik', 'Brukner, Časlav']);
  });

  it('reads the BibLaTeX extended name format', () => {
    expect(bibtexNames('family=Hakim, given=Tawfiq, prefix=al-, useprefix=true')).toEqual(['al-Hakim, Tawfiq']);
    expect(bibtexNames('family=Gogh, given=Vincent, prefix=van, useprefix=true')).toEqual(['van Gogh, Vincent']);
    // useprefix only decides BibLaTeX's sorting: the particle stands before the family name, as the Better BibTeX
    // and CSL exports of the same item write it (a real Better BibLaTeX export: ten Kate).
    expect(bibtexNames('family=Kate, given=Warner, prefix=ten, useprefix=false')).toEqual(['ten Kate, Warner']);
    expect(bibtexNames('family=Beauvoir, given=Simone, prefix=de, useprefix=false')).toEqual(['de Beauvoir, Simone']);
    expect(bibtexNames('family=Stevenson, given=Adlai E., suffix=III, juniorcomma=true')).toEqual(['Stevenson, Adlai E., III']);
    expect(bibtexNameParts('family=Puy de Clinchamps, given=Philippe, given-i={{Ph}}, prefix=du, useprefix=true')).toEqual({
      family: 'Puy de Clinchamps',
      given: 'Philippe',
      prefix: 'du',
    });
  });

  it('does not split on "and" inside braces or words', () => {
    expect(bibtexNames('{Johnson and Johnson} and Anderson, Sandra')).toEqual(['Johnson and Johnson', 'Anderson, Sandra']);
  });
});

describe('displayName', () => {
  it('handles literal, family-only and given-only names', () => {
    expect(displayName({ literal: '  Beijing Zoo ' })).toBe('Beijing Zoo');
    expect(displayName({ family: 'Thucydides' })).toBe('Thucydides');
    expect(displayName({ given: 'Madonna' })).toBe('Madonna');
    expect(displayName({ family: 'Hakim', prefix: 'al-', given: 'Tawfiq' })).toBe('al-Hakim, Tawfiq');
    expect(displayName({ family: "d'Alembert", given: 'Jean' })).toBe("d'Alembert, Jean");
  });
});
