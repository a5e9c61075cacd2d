/**
 * Zotero rich text in titles → plain text. CSL JSON and BBT JSON carry Zotero's HTML-like markup (`<i>`, `<b>`,
 * `<sup>`, `<sub>`, `<span class="nocase">`); Better CSL YAML carries its pandoc Markdown form (`*x*`, `**x**`,
 * `^x^`, `~x~`, `[x]{.nocase}`).
 */

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decode the HTML character references Zotero writes (`&amp;`, `&#8211;`, `&#x2013;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const MARKUP_TAG = /<\/?(?:i|b|em|strong|sup|sub|sc|span|u)(?:\s[^<>]*)?>/gi;

/** Zotero HTML-like rich text → plain text on one line. */
export function richTextToPlain(value: unknown): string {
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : '';
  const stripped = value.includes('<') ? value.replace(MARKUP_TAG, '') : value;
  return collapse(decodeEntities(stripped));
}

/** Better CSL YAML's pandoc Markdown in a title → plain text. */
export function pandocTitleToPlain(value: unknown): string {
  const text = richTextToPlain(value);
  if (!/[*_^~[\\]/.test(text)) return text;
  return text
    .replace(/\[([^\]]*)\]\{\.(?:nocase|smallcaps|underline)\}/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*\s][^*]*)\*/g, '$1')
    .replace(/\^([^^\s]+)\^/g, '$1')
    .replace(/~([^~\s]+)~/g, '$1')
    .replace(/\\([*_^~[\]\\`#])/g, '$1');
}

function collapse(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}
