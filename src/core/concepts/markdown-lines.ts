/**
 * A note's text read a line at a time, for the block scanner (markdown-zones.ts, which builds on this class): where a
 * line ends, how far it is indented, where its content starts after blockquote markers, and the next table pipe.
 * Every character looked at is counted in the collector's `work`, the zone finder's complexity measure.
 */
import type { ZoneCollector } from './inline-zones';

export class MarkdownLines {
  /** What the scanners found (filled by the block scanner and its inline scanner). */
  protected readonly out: ZoneCollector = { hard: [], soft: [], table: [], links: [], work: 0 };
  private nextPipe = -1;

  constructor(protected readonly text: string) {}

  protected lineEnd(pos: number): number {
    const nl = this.text.indexOf('\n', pos);
    const end = nl < 0 ? this.text.length : nl;
    this.out.work += end - pos + 1;
    return end;
  }

  /** The next "|" at or after `pos` (cached: positions only grow, so the text is searched once). */
  protected pipeAt(pos: number): number {
    if (this.nextPipe < pos) {
      const found = this.text.indexOf('|', pos);
      this.nextPipe = found < 0 ? Infinity : found;
    }
    return this.nextPipe;
  }

  /** Indentation width of a line (a tab counts to the next multiple of 4). */
  protected indentWidth(pos: number, end: number): number {
    let width = 0;
    for (let i = pos; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 0x20) width++;
      else if (c === 0x09) width += 4 - (width % 4);
      else break;
    }
    return width;
  }

  /** Offset after blockquote markers and indentation. */
  protected contentStart(pos: number, end: number): number {
    let p = pos;
    for (; p < end; p++) {
      const c = this.text.charCodeAt(p);
      if (c !== 0x20 && c !== 0x09 && c !== 0x3e) break;
    }
    return p;
  }
}
