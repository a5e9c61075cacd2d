/**
 * Dates of every shape BBT writes → `{ year, date }`, where `date` is ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Rules shared by all shapes:
 * - a range gives its start (an open start gives the end);
 * - circa `~`, uncertain `?` and `%` qualifiers are dropped;
 * - seasons (EDTF 21–24 and up, CSL 13–16 or `season`) and other out-of-range months keep only the year;
 * - unspecified digits (EDTF `199u`, `19XX`) count as 0, the start of the interval they stand for;
 * - years outside 0–9999 keep `year` but have no ISO `date`.
 */

export interface PaperDate {
  year: number | null;
  date: string | null;
}

export const NO_DATE: PaperDate = { year: null, date: null };

/** A date from numbers; invalid month or day are dropped, not guessed. */
export function makeDate(year: number | null, month?: number | null, day?: number | null): PaperDate {
  if (year === null || !Number.isFinite(year)) return NO_DATE;
  const y = Math.trunc(year);
  if (y < 0 || y > 9999) return { year: y, date: null };
  let date = String(y).padStart(4, '0');
  if (month && Number.isInteger(month) && month >= 1 && month <= 12) {
    date += '-' + String(month).padStart(2, '0');
    if (day && Number.isInteger(day) && day >= 1 && day <= daysInMonth(y, month)) date += '-' + String(day).padStart(2, '0');
  }
  return { year: y, date };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1];
}

const EDTF = /^(-?)([\dXu]{4,})(?:-([\dXu]{2})(?:-([\dXu]{2}))?)?/;

/** A BibLaTeX `date` / EDTF / ISO 8601 string (`2014-07-25`, `2015-06-01/2015-06-05`, `2017-24~`, `199u`, `-0011`). */
export function parseEdtf(text: string): PaperDate {
  const trimmed = text.trim().replace(/[~?%]/g, '');
  const slash = trimmed.indexOf('/');
  let start = slash < 0 ? trimmed : trimmed.slice(0, slash);
  if ((start === '' || start === '..') && slash >= 0) start = trimmed.slice(slash + 1);
  const m = EDTF.exec(start.trim());
  if (!m) {
    const long = /^y(-?\d+)$/i.exec(start.trim()); // EDTF years beyond four digits: y-51234
    return long ? makeDate(Number(long[1])) : firstYear(text);
  }
  const year = Number(m[2].replace(/[Xu]/g, '0')) * (m[1] === '-' ? -1 : 1);
  return makeDate(year, exactNumber(m[3]), exactNumber(m[4]));
}

function exactNumber(part: string | undefined): number | null {
  return part !== undefined && /^\d+$/.test(part) ? Number(part) : null;
}

/** The first plausible year (four digits) in free text, e.g. `{Issue Date} 2019` or `1998--1999`. */
export function firstYear(text: string): PaperDate {
  const m = /(?:^|[^\d])(\d{4})(?!\d)/.exec(text);
  return m ? makeDate(Number(m[1])) : NO_DATE;
}

const MONTH_PREFIXES: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, fév: 2, fev: 2, mar: 3, mär: 3, apr: 4, avr: 4, may: 5, mai: 5, maj: 5, mei: 5, jun: 6,
  jul: 7, aug: 8, aoû: 8, sep: 9, oct: 10, okt: 10, nov: 11, dec: 12, dez: 12, déc: 12, des: 12,
};

/** A month from a BibTeX `month` value or a month name in several languages (`7`, `jul`, `July`, `Juli`, `07`). */
export function parseMonth(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  if (t.startsWith('juin')) return 6;
  if (t.startsWith('juil')) return 7;
  return MONTH_PREFIXES[t.slice(0, 3)] ?? null;
}

/** BibTeX `year` + `month` (+ `day`). */
export function fromYearMonth(year: string | undefined, month?: string, day?: string): PaperDate {
  if (year === undefined) return NO_DATE;
  const y = /^\s*(-?\d{1,4})\s*$/.exec(year);
  const base = y ? makeDate(Number(y[1])) : firstYear(year);
  if (base.year === null) return base;
  const d = day !== undefined && /^\s*\d{1,2}\s*$/.test(day) ? Number(day) : null;
  return makeDate(base.year, parseMonth(month), d);
}

/** A CSL date: `{date-parts, raw, literal, season}`, CSL YAML's list of `{year, month, day}`, or an EDTF string. */
export function fromCslDate(value: unknown): PaperDate {
  if (value === null || value === undefined) return NO_DATE;
  if (typeof value === 'string') return parseEdtf(value);
  if (typeof value === 'number') return makeDate(value);
  if (Array.isArray(value)) return value.length > 0 ? fromCslDate(value[0]) : NO_DATE;
  if (typeof value !== 'object') return NO_DATE;
  const d = value as Record<string, unknown>;
  const parts = d['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) {
    const [y, m, day] = (parts[0] as unknown[]).map(toNumber);
    if (y !== null) return makeDate(y, m, day);
  }
  if (d.year !== undefined) return makeDate(toNumber(d.year), toNumber(d.month), toNumber(d.day));
  if (typeof d.raw === 'string') return parseEdtf(d.raw);
  if (typeof d.literal === 'string') return firstYear(d.literal);
  return NO_DATE;
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return null;
}
