import { fromCslDate, fromYearMonth, parseEdtf } from '../../../../src/core/library/fields/dates';
import { parseZoteroDate } from '../../../../src/core/library/fields/zotero-date';

describe('parseEdtf (BibLaTeX date)', () => {
  it.each([
    ['2014-07-25', 2014, '2014-07-25'],
    ['2016-02', 2016, '2016-02'],
    ['2013', 2013, '2013'],
    ['2015-06-01/2015-06-05', 2015, '2015-06-01'],
    ['2011-05-25~/2012-06-26~', 2011, '2011-05-25'],
    ['/2015-06', 2015, '2015-06'],
    ['2014-12-31/', 2014, '2014-12-31'],
    ['2017-24~', 2017, '2017'],
    ['1985-21', 1985, '1985'],
    ['1273?~', 1273, '1273'],
    ['199u', 1990, '1990'],
    ['19uu', 1900, '1900'],
    ['1999-uu', 1999, '1999'],
    ['1999-01-uu', 1999, '1999-01'],
    ['2016-07-18T20:26:06+10:00', 2016, '2016-07-18'],
    ['0000', 0, '0000'],
    ['2019-02-30', 2019, '2019-02'],
  ])('%s → %s / %s', (text, year, date) => {
    expect(parseEdtf(text)).toEqual({ year, date });
  });

  it('keeps years outside 0–9999 without an ISO date', () => {
    expect(parseEdtf('-0333')).toEqual({ year: -333, date: null });
    expect(parseEdtf('y-51234')).toEqual({ year: -51234, date: null });
  });

  it('falls back to the first four-digit year, or nothing', () => {
    expect(parseEdtf('circa 1850s')).toEqual({ year: 1850, date: '1850' });
    expect(parseEdtf('Issue Date')).toEqual({ year: null, date: null });
  });
});

describe('fromYearMonth (BibTeX year + month)', () => {
  it.each([
    ['2013', '01', undefined, '2013-01'],
    ['2014', 'dec', undefined, '2014-12'],
    ['2014', 'July', undefined, '2014-07'],
    ['2014', '7', '4', '2014-07-04'],
    ['2009', 'Jul.', undefined, '2009-07'],
    ['1998--1999', undefined, undefined, '1998'],
    ['2020', 'Sommer', undefined, '2020'],
  ])('%s %s %s → %s', (year, month, day, date) => {
    expect(fromYearMonth(year, month, day).date).toBe(date);
  });

  it('reads junk years as no date', () => {
    expect(fromYearMonth('{Issue Date}')).toEqual({ year: null, date: null });
    expect(fromYearMonth(undefined, 'jan')).toEqual({ year: null, date: null });
  });
});

describe('fromCslDate', () => {
  it('reads date-parts with numbers or strings, ranges and seasons', () => {
    expect(fromCslDate({ 'date-parts': [[2003]] })).toEqual({ year: 2003, date: '2003' });
    expect(fromCslDate({ 'date-parts': [['1985', 1, 1]] })).toEqual({ year: 1985, date: '1985-01-01' });
    expect(fromCslDate({ 'date-parts': [[2014, 12, 31], [2015, 1, 1]] })).toEqual({ year: 2014, date: '2014-12-31' });
    expect(fromCslDate({ 'date-parts': [['2017', 14]] })).toEqual({ year: 2017, date: '2017' });
    expect(fromCslDate({ 'date-parts': [['-12', 13]] })).toEqual({ year: -12, date: null });
  });

  it('reads CSL YAML lists, raw, literal and plain strings', () => {
    expect(fromCslDate([{ year: 2014, month: 12, day: 31 }, { year: 2015, month: 1, day: 1 }])).toEqual({ year: 2014, date: '2014-12-31' });
    expect(fromCslDate([{ year: 2017, season: 2 }])).toEqual({ year: 2017, date: '2017' });
    expect(fromCslDate({ raw: '2011-05~' })).toEqual({ year: 2011, date: '2011-05' });
    expect(fromCslDate({ literal: 'Spring 2001' })).toEqual({ year: 2001, date: '2001' });
    expect(fromCslDate('2020-03-04')).toEqual({ year: 2020, date: '2020-03-04' });
    expect(fromCslDate(undefined)).toEqual({ year: null, date: null });
  });
});

describe('parseZoteroDate (BBT JSON)', () => {
  it.each([
    ['2016-04-17 05:57:20', 'mdy', '2016-04-17'],
    ['2017-10-28T11:00:00Z', 'mdy', '2017-10-28'],
    ['2/2016', 'mdy', '2016-02'],
    ['03/04/2015', 'mdy', '2015-03-04'],
    ['03/04/2015', 'dmy', '2015-04-03'],
    ['25/12/2014', 'mdy', '2014-12-25'],
    ['2015/06/22', 'mdy', '2015-06-22'],
    ['July 25, 2014', 'mdy', '2014-07-25'],
    ['25 July 2014', 'mdy', '2014-07-25'],
    ['9. juli 2015', 'dmy', '2015-07-09'],
    ['June 2015', 'mdy', '2015-06'],
    ['June 15–17, 2015', 'mdy', '2015-06-15'],
    ['Winter 1975', 'mdy', '1975'],
    ['1990 [1880]', 'mdy', '1990'],
    ['1938-1961', 'mdy', '1938'],
  ] as const)('%s (%s) → %s', (text, order, date) => {
    expect(parseZoteroDate(text, order).date).toBe(date);
  });
});
