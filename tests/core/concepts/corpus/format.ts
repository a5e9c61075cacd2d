/**
 * The labelled corpus format: each note is Markdown with its expected links marked inline.
 * `⟦ICL⟧` expects the text "ICL" to become a link to concept ICL; `⟦ICL|in-context learning⟧` expects that surface
 * linked to ICL. Everything else (traps included) must stay plain text. The markers never occur in real notes. A first
 * line `@file NAME` gives the note's file name (for files recognised by name, such as `*.excalidraw.md`).
 */

export interface ExpectedLink {
  concept: string;
  surface: string;
  offset: number;
}

export interface CorpusNote {
  /** e.g. "en-012". */
  id: string;
  /** Vault path of the note: `Literature/<id>.md`, or the file name given by a first line `@file NAME`. */
  path: string;
  /** The note as the user wrote it (markers removed). */
  text: string;
  expected: ExpectedLink[];
}

const MARK = /⟦([^⟧|]+)(?:\|([^⟧]+))?⟧/g;

/** Parse marked-up notes into texts and expectations; ids are `${prefix}-NNN`. */
export function parseCorpus(prefix: string, marked: readonly string[]): CorpusNote[] {
  return marked.map((raw, i) => {
    const named = /^@file ([^\n]+)\n/.exec(raw);
    const source = named ? raw.slice(named[0].length) : raw;
    const id = `${prefix}-${String(i + 1).padStart(3, '0')}`;
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
    return { id, path: `Literature/${named ? named[1] : `${id}.md`}`, text, expected };
  });
}
