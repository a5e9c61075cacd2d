/**
 * The labelled corpus format: each note is Markdown with its expected links marked inline.
 * `⟦ICL⟧` expects the text "ICL" to become a link to concept ICL; `⟦ICL|in-context learning⟧` expects that surface
 * linked to ICL. Everything else (traps included) must stay plain text. The markers never occur in real notes.
 */

export interface ExpectedLink {
  concept: string;
  surface: string;
  offset: number;
}

export interface CorpusNote {
  /** e.g. "en-012". */
  id: string;
  /** The note as the user wrote it (markers removed). */
  text: string;
  expected: ExpectedLink[];
}

const MARK = /⟦([^⟧|]+)(?:\|([^⟧]+))?⟧/g;

/** Parse marked-up notes into texts and expectations; ids are `${prefix}-NNN`. */
export function parseCorpus(prefix: string, marked: readonly string[]): CorpusNote[] {
  return marked.map((source, i) => {
    const expected: ExpectedLink[] = [];
    let text = '';
    let last = 0;
    for (const m of source.matchAll(MARK)) {
      text += source.slice(last, m.index);
      const surface = m[2] ?? m[1];
      expected.push({ concept: m[1], surface, offset: text.length });
      text += surface;
      last = m.index + m[0].length;
    }
    text += source.slice(last);
    return { id: `${prefix}-${String(i + 1).padStart(3, '0')}`, text, expected };
  });
}
