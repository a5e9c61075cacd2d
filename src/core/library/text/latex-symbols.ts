/**
 * LaTeX commands the decoder knows, beyond citation-js's tables (which lack e.g. `\aa`, `\ldots`, most math).
 * What each command does to its arguments lives here too, so latex-to-text.ts is only the walker.
 */
import { CITATION_JS_LATEX } from '../bibtex/citation-js-parse';

/** Text-mode symbol commands without arguments. citation-js's table first, ours on top. */
export const TEXT_SYMBOLS: Readonly<Record<string, string>> = (() => {
  const table: Record<string, string> = {};
  for (const [name, value] of Object.entries(CITATION_JS_LATEX.commands)) if (value !== null) table[name] = value;
  Object.assign(table, {
    aa: 'å', AA: 'Å', ldots: '…', dots: '…', textellipsis: '…', slash: '/', textslash: '/',
    LaTeX: 'LaTeX', TeX: 'TeX', BibTeX: 'BibTeX', XeTeX: 'XeTeX', LaTeXe: 'LaTeX2e',
    textquotesingle: "'", textnbhyphen: '-', textnbsp: ' ', nobreakspace: ' ', space: ' ', quad: ' ', qquad: ' ',
    enspace: ' ', thinspace: ' ', textpercent: '%', textampersand: '&', textsection: '§', S: '§', P: '¶',
    pounds: '£', euro: '€', textdegree: '°', degree: '°', dag: '†', ddag: '‡', copyright: '©',
    i: 'ı', j: 'ȷ', par: '\n\n', newline: '\n', linebreak: '\n', break: '\n', relax: '', protect: '',
    noindent: '', indent: '', smallskip: '', medskip: '', bigskip: '', centering: '', clearpage: '', newpage: '',
    textcompwordmark: '', allowbreak: '',
    // Font declarations (`{\bf X}`, `{\em X}`): the text stays, the style has no plain form.
    it: '', itshape: '', sl: '', slshape: '', em: '', bf: '', bfseries: '', sc: '', scshape: '', rm: '', sf: '',
    tt: '', upshape: '', mdseries: '', normalfont: '', rmfamily: '', sffamily: '', ttfamily: '', small: '',
    footnotesize: '', scriptsize: '', tiny: '', normalsize: '', large: '', Large: '', LARGE: '', huge: '', Huge: '',
  });
  Object.assign(table, cyrillicCommands());
  return table;
})();

/** The T2A font encoding's Cyrillic letters (`\cyrchar\CYRA`, `\cyrya`), as some exporters write Russian names. */
function cyrillicCommands(): Record<string, string> {
  const names = 'A B V G D E YO ZH Z I ISHRT K L M N O P R S T U F H C CH SH SHCH HRDSN ERY SFTSN EREV YU YA'.split(' ');
  const letters = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
  const table: Record<string, string> = {};
  names.forEach((name, i) => {
    table[`CYR${name}`] = letters[i];
    table[`cyr${name.toLowerCase()}`] = letters[i].toLowerCase();
  });
  return table;
}

/** Math-mode symbols: citation-js's Greek letters plus common operators and relations. */
export const MATH_SYMBOLS: Readonly<Record<string, string>> = {
  ...CITATION_JS_LATEX.mathCommands,
  upsilon: 'υ', Upsilon: 'Υ', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '~',
  simeq: '≃', cong: '≅', equiv: '≡', propto: '∝', times: '×', cdot: '·', cdots: '⋯', ldots: '…', dots: '…',
  pm: '±', mp: '∓', div: '÷', infty: '∞', partial: '∂', nabla: '∇', ell: 'ℓ', hbar: 'ℏ', prime: '′',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐', leftrightarrow: '↔',
  Leftrightarrow: '⇔', mapsto: '↦', uparrow: '↑', downarrow: '↓', langle: '⟨', rangle: '⟩', lvert: '|', rvert: '|',
  vert: '|', Vert: '‖', mid: '|', in: '∈', notin: '∉', ni: '∋', subset: '⊂', subseteq: '⊆', supset: '⊃',
  supseteq: '⊇', cup: '∪', cap: '∩', emptyset: '∅', varnothing: '∅', forall: '∀', exists: '∃', neg: '¬',
  wedge: '∧', land: '∧', vee: '∨', lor: '∨', oplus: '⊕', otimes: '⊗', circ: '∘', bullet: '•', star: '⋆',
  ast: '∗', sum: '∑', prod: '∏', int: '∫', oint: '∮', sqrt: '√', surd: '√', perp: '⊥', parallel: '∥',
  angle: '∠', triangle: '△', Box: '□', square: '□', degree: '°', ll: '≪', gg: '≫', lesssim: '≲', gtrsim: '≳',
  dagger: '†', aleph: 'ℵ', sharp: '♯', flat: '♭', natural: '♮', checkmark: '✓', heartsuit: '♥', spadesuit: '♠',
  diamondsuit: '♦', clubsuit: '♣', Re: 'ℜ', Im: 'ℑ', wp: '℘', colon: ':', vdash: '⊢', models: '⊨',
  lbrace: '{', rbrace: '}', lbrack: '[', rbrack: ']', backslash: '\\', setminus: '∖', smallsetminus: '∖',
  log: 'log', ln: 'ln', exp: 'exp', sin: 'sin', cos: 'cos', tan: 'tan', max: 'max', min: 'min', lim: 'lim',
  arg: 'arg', det: 'det', dim: 'dim', ker: 'ker', sup: 'sup', inf: 'inf', Pr: 'Pr',
  left: '', right: '', big: '', Big: '', bigg: '', Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '',
  displaystyle: '', textstyle: '', limits: '', nolimits: '', not: '', ',': ' ', ';': ' ', ':': ' ', '!': '',
};

/** Commands whose single argument is kept as plain text (formatting has no plain-text form). */
export const KEEP_ARGUMENT = new Set([
  'emph', 'textit', 'textbf', 'textsc', 'textsl', 'textup', 'textmd', 'textrm', 'textsf', 'texttt', 'textnormal',
  'mkbibemph', 'mkbibitalic', 'mkbibbold', 'mbox', 'hbox', 'text', 'uppercase', 'lowercase',
  'MakeUppercase', 'MakeLowercase', 'underline', 'uline', 'textenglish', 'mathrm',
  'mathit', 'mathbf', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'mathscr', 'boldsymbol', 'bm',
  'operatorname', 'ensuremath', 'textcite', 'citetitle', 'NoCaseChange', 'nocase',
]);

/** Commands whose argument is verbatim text (no LaTeX inside). */
export const VERBATIM_ARGUMENT = new Set(['url', 'nolinkurl', 'path', 'doi']);

/** Commands dropped together with their brace arguments (spacing, sorting tricks, invisible boxes). */
export const DROP_WITH_ARGUMENTS: Readonly<Record<string, number>> = {
  hspace: 1, vspace: 1, phantom: 1, hphantom: 1, vphantom: 1, label: 1, index: 1, noopsort: 1, noop: 1,
  SortNoop: 1, sortnoop: 1, kern: 0, hskip: 0, vskip: 0, setlength: 2, footnote: 1, thanks: 1, ignorespaces: 0,
  DeclarePrefChars: 1, ifdefined: 0, else: 0, fi: 0, cyrchar: 0, penalty: 0,
};

/** Two-argument commands whose second argument is the visible text (`\href{url}{text}`). */
export const KEEP_SECOND_ARGUMENT = new Set(['href', 'foreignlanguage', 'hyperref', 'texorpdfstring']);

/** `\mkbibquote{x}` and friends: the argument in curly quotes. */
export const QUOTE_ARGUMENT = new Set(['mkbibquote', 'enquote', 'textquote']);

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPT: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', o: 'ₒ', x: 'ₓ', h: 'ₕ', k: 'ₖ',
  l: 'ₗ', m: 'ₘ', n: 'ₙ', p: 'ₚ', s: 'ₛ', t: 'ₜ', i: 'ᵢ', j: 'ⱼ', r: 'ᵣ', u: 'ᵤ', v: 'ᵥ',
};

/** Text as Unicode super- or subscript when every character has one; otherwise the text unchanged. */
export function toScript(text: string, kind: 'sup' | 'sub'): string {
  const table = kind === 'sup' ? SUPERSCRIPT : SUBSCRIPT;
  let out = '';
  for (const ch of text) {
    const mapped = table[ch];
    if (mapped === undefined) return text;
    out += mapped;
  }
  return out;
}

/** Combining marks of the accent commands (`\'`, `\v`, `\c` …). */
export const ACCENTS: Readonly<Record<string, string>> = CITATION_JS_LATEX.diacritics;

/** Commands the decoder handles by name, beyond the tables above. */
const SPECIAL_COMMANDS = new Set(['textsuperscript', 'textsubscript', 'frac', 'tfrac', 'dfrac', 'sqrt', 'ding']);

/** Whether the decoder knows what `\name` means; an unknown command keeps its source text. */
export function isKnownCommand(name: string): boolean {
  return (
    name in TEXT_SYMBOLS ||
    name in MATH_SYMBOLS ||
    name in ACCENTS ||
    name in DROP_WITH_ARGUMENTS ||
    KEEP_ARGUMENT.has(name) ||
    VERBATIM_ARGUMENT.has(name) ||
    KEEP_SECOND_ARGUMENT.has(name) ||
    QUOTE_ARGUMENT.has(name) ||
    SPECIAL_COMMANDS.has(name)
  );
}

/** pifont's `\ding{n}` (ZapfDingbats code n) for the symbols papers use; null for others (their source is kept). */
const DINGBATS: Readonly<Record<string, string>> = {
  '42': '☛', '43': '☞', '51': '✓', '52': '✔', '53': '✕', '54': '✖', '55': '✗', '56': '✘', '72': '★', '73': '✩', '108': '●',
  '110': '■', '115': '▲', '116': '▼', '117': '◆', '172': '①', '173': '②', '174': '③', '175': '④', '176': '⑤',
};

export function dingbat(code: string): string | null {
  return DINGBATS[code.trim()] ?? null;
}
