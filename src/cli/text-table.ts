/** Plain-text tables for the terminal: columns padded by display width (CJK characters count twice). */

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** The text cut to `max` columns, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return out + '…';
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Rows (header first) as aligned lines separated by two spaces; each column no wider than its `maxWidths` entry. */
export function formatTable(rows: string[][], maxWidths: number[]): string {
  const cells = rows.map((row) => row.map((cell, i) => truncate(cell.replace(/\s+/g, ' '), maxWidths[i] ?? 40)));
  const widths = maxWidths.map((_, i) => Math.max(0, ...cells.map((row) => displayWidth(row[i] ?? ''))));
  return cells.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]))).join('  ').trimEnd()).join('\n');
}
