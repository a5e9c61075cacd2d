/** The slice of citation-js's untyped API that citation-js-parse.ts uses. */
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** Run one registered parser on its input, without type detection. */
      data(input: string, format: '@biblatex/text'): unknown;
    };
  };
}

declare module '@citation-js/plugin-bibtex';

declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  /** Macros citation-js defines before any @string: month names and a few journal names. */
  export const defaultStrings: Record<string, string>;
  /** LaTeX accent commands → Unicode combining marks. */
  export const diacritics: Record<string, string>;
  /** Text-mode symbol commands → Unicode (null for a few it cannot represent). */
  export const commands: Record<string, string | null>;
  /** Math-mode symbol commands (Greek letters) → Unicode. */
  export const mathCommands: Record<string, string>;
}
