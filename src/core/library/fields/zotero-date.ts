/**
 * Zotero's free-form date field (BBT JSON `date`): `2016-04-17 05:57:20`, `2/2016`, `25/12/2014`, `July 25, 2014`,
 * `9. juli 2015`, `Winter 1975`, `1990 [1880]`. Numeric day/month order follows the export's locale
 * (`config.localeDateOrder`), as Zotero's own parser does; a month above 12 is taken as the day.
 */
import { firstYear, makeDate, parseMonth, type PaperDate } from './dates';

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

const ISO = /^(-?\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[^\d-])/;
const Y_M_D = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|\D)/;
const A_B_Y = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|\D)/;
const M_Y = /^(\d{1,2})[/.-](\d{4})(?:$|\D)/;

/** Parse a Zotero date string; `order` decides `01/02/2014` (default: month first, Zotero's en-US default). */
export function parseZoteroDate(text: string, order: DateOrder = 'mdy'): PaperDate {
  const t = text.trim();
  let m = Y_M_D.exec(t) ?? ISO.exec(t);
  if (m) return makeDate(Number(m[1]), num(m[2]), num(m[3]));
  m = A_B_Y.exec(t);
  if (m) {
    let [month, day] = order === 'dmy' ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    return makeDate(Number(m[3]), month, day);
  }
  m = M_Y.exec(t);
  if (m) return makeDate(Number(m[2]), num(m[1]));
  return withMonthName(t);
}

function num(part: string | undefined): number | null {
  return part === undefined ? null : Number(part);
}

/** "July 25, 2014", "25 July 2014", "9. juli 2015", "June 2015": month word, optional day, four-digit year. */
function withMonthName(text: string): PaperDate {
  const year = firstYear(text);
  if (year.year === null) return year;
  const word = /\p{L}{3,}/u.exec(text);
  const month = word ? parseMonth(word[0]) : null;
  if (month === null) return year;
  const day = /(?:^|\D)(\d{1,2})(?!\d)/.exec(text);
  return makeDate(year.year, month, day ? Number(day[1]) : null);
}
