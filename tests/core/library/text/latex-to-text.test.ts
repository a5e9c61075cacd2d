import { latexToText } from '../../../../src/core/library/text/latex-to-text';

describe('latexToText', () => {
  it('removes brace protection', () => {
    expect(latexToText('{{BV Master Action}} for {{Heterotic}} and {{Type II String Field Theories}}')).toBe(
      'BV Master Action for Heterotic and Type II String Field Theories',
    );
  });

  it('decodes accents in every spelling', () => {
    expect(latexToText("Bj{\\\"o}rnson Ara{\\'u}jo {\\v C}aslav \\c{c} \\k a \\={a} \\.{z} \\u{g} \\H{o} \\'{\\i} Ume\\aa{}")).toBe(
      'Björnson Araújo Časlav ç ą ā ż ğ ő í Umeå',
    );
    expect(latexToText('G{\\aa}rdman {\\O}verg{\\aa}rd Bj{\\o}rn Stra\\ss e')).toBe('Gårdman Øvergård Bjørn Straße');
  });

  it('decodes escapes, dashes, quotes and tildes', () => {
    expect(latexToText('Taylor \\& Francis, 50\\% of \\$5 \\#1 a\\_b')).toBe('Taylor & Francis, 50% of $5 #1 a_b');
    expect(latexToText('pages 1--2 --- yes ``quoted\'\' it\'s')).toBe('pages 1–2 — yes “quoted” it\'s');
    expect(latexToText('6~{{The}} Time \\textasciitilde{} approx')).toBe('6 The Time ~ approx');
  });

  it('keeps the text of formatting commands, and the source of unknown commands', () => {
    expect(latexToText('\\emph{Homo} \\textit{sapiens} \\textbf{bold} \\mkbibemph{x} \\mkbibquote{q} \\unknowncmd{kept}')).toBe(
      'Homo sapiens bold x “q” \\unknowncmd{kept}',
    );
    // Text must never vanish: a command the decoder does not know stays as written, its argument decoded.
    expect(latexToText('Music in {$\\sharp$} and {$\\flat$} keys')).toBe('Music in ♯ and ♭ keys');
    expect(latexToText('The \\foo bar and \\IEEEmembership{Fellow, \\"{U}ber}')).toBe('The \\foo bar and \\IEEEmembership{Fellow, Über}');
    expect(latexToText('Done\\ding{51}, failed\\ding{55}, \\ding{200}')).toBe('Done✓, failed✗, \\ding{200}');
    expect(latexToText('Kuchuk, \\cyrchar\\CYRA.V. and {\\bf bold} {\\sc caps}')).toBe('Kuchuk, А.V. and bold caps');
    expect(latexToText('{\\em emphasised} and \\href{http://a.b}{link text} and \\url{http://x.y/a_b}')).toBe(
      'emphasised and link text and http://x.y/a_b',
    );
  });

  it('renders math with Unicode where it can', () => {
    expect(latexToText('R1{$\\rho$} with {$\\sim$}0.5\\%')).toBe('R1ρ with ~0.5%');
    expect(latexToText('$a \\leq b$, $R_2$, $x^{2n}$, $R_{ij}$, CO\\textsubscript{2}')).toBe('a ≤ b, R₂, x²ⁿ, Rᵢⱼ, CO₂');
    expect(latexToText('{{InN}}{$\\slash$}{{GaN}} and $\\frac{1}{2}$')).toBe('InN/GaN and 1/2');
  });

  it('keeps escaped dollars literal and reads a lone dollar as text', () => {
    expect(latexToText('by \\${{R}}\\_2\\$ relaxation')).toBe('by $R_2$ relaxation');
    expect(latexToText('costs $5 only')).toBe('costs $5 only');
  });

  it('drops zero-width spacing and invisible boxes', () => {
    expect(latexToText('Liège,\\hspace{0pt} Liège')).toBe('Liège, Liège');
    expect(latexToText('Type-\\{\\vphantom\\}{{II}}\\vphantom\\{\\} Semiconductor')).toBe('Type-{II} Semiconductor');
  });

  it('survives unbalanced braces', () => {
    expect(latexToText('Aesthetic {{Judgment}}\\}')).toBe('Aesthetic Judgment}');
    expect(latexToText('Taylor {{\\&} Francis')).toBe('Taylor & Francis');
    expect(latexToText('extra} close')).toBe('extra close');
  });

  it('keeps paragraphs and line breaks in block mode only', () => {
    const note = 'First line\\\\second line\n\\par\nNew   paragraph\n\nThird';
    expect(latexToText(note, { block: true })).toBe('First line\nsecond line\n\nNew paragraph\n\nThird');
    expect(latexToText(note)).toBe('First line second line New paragraph Third');
  });

  it('leaves CJK, Cyrillic, Arabic and Greek text alone', () => {
    for (const s of ['法医学铁道损伤图谱', 'Проблемы ь', 'العربية', 'καί']) expect(latexToText(s)).toBe(s);
  });
});
